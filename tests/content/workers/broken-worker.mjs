// A loader worker whose module cannot load, as when tsx is missing.
throw new Error('the test worker cannot start')
