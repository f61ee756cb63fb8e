/**
 * Video embeds for feeds. Feed readers drop `<iframe>` (and the sanitiser does too), so a video is
 * shown the way every reader can: a linked thumbnail and a text link to the video's page. Shared
 * by the template step (Hugo's `youtube`/`vimeo` shortcodes, MDX `<YouTube>`) and the HTML step,
 * which replaces `<iframe src="https://www.youtube.com/embed/ID">`.
 */
import { escapeHtml } from '../../core/escape.ts'

// YouTube's video ids are 11 characters of the URL-safe base64 alphabet; Vimeo's are numbers.
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/
const VIMEO_ID = /^\d{1,12}$/

export function isYoutubeId(id: string): boolean {
  return YOUTUBE_ID.test(id)
}

export function isVimeoId(id: string): boolean {
  return VIMEO_ID.test(id)
}

/**
 * A paragraph with the video's thumbnail (`hqdefault.jpg`, which YouTube serves for every video)
 * linked to its page, and a text link under it. `id` must pass `isYoutubeId`.
 * @example youtubeEmbedHtml('dQw4w9WgXcQ', 'Intro')
 */
export function youtubeEmbedHtml(id: string, title?: string): string {
  const page = `https://www.youtube.com/watch?v=${id}`
  const text = title ? `Watch “${escapeHtml(title)}” on YouTube` : 'Watch the video on YouTube'
  return (
    `<p><a href="${page}"><img src="https://i.ytimg.com/vi/${id}/hqdefault.jpg" alt="Video on YouTube"></a>` +
    `<br><a href="${page}">${text}</a></p>`
  )
}

/** A paragraph with a text link to the video on Vimeo (its thumbnails need an API call). */
export function vimeoEmbedHtml(id: string, title?: string): string {
  const text = title ? `Watch “${escapeHtml(title)}” on Vimeo` : 'Watch the video on Vimeo'
  return `<p><a href="https://vimeo.com/${id}">${text}</a></p>`
}

/** The video a URL points at: an embed or watch URL of YouTube or Vimeo. */
export function videoFromUrl(src: string): { site: 'youtube' | 'vimeo'; id: string } | undefined {
  let url: URL
  try {
    url = new URL(src.trim(), 'https://invalid.invalid')
  } catch {
    return undefined
  }
  const host = url.hostname.replace(/^(www|m)\./, '')
  const path = url.pathname.split('/').filter(Boolean)
  let id: string | undefined
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    id = path[0] === 'embed' || path[0] === 'shorts' || path[0] === 'live' ? path[1] : undefined
    if (path[0] === 'watch') id = url.searchParams.get('v') ?? undefined
    return id && isYoutubeId(id) ? { site: 'youtube', id } : undefined
  }
  if (host === 'youtu.be')
    return path[0] && isYoutubeId(path[0]) ? { site: 'youtube', id: path[0] } : undefined
  if (host === 'player.vimeo.com' && path[0] === 'video') id = path[1]
  if (host === 'vimeo.com') id = path[0]
  return id && isVimeoId(id) ? { site: 'vimeo', id } : undefined
}

/**
 * The embed HTML for a YouTube or Vimeo URL (youtube.com/embed/ID, youtube-nocookie.com/embed/ID,
 * youtu.be/ID, youtube.com/watch?v=ID, player.vimeo.com/video/ID, vimeo.com/ID), or undefined
 * for any other URL.
 * @example embedFromUrl('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=10')
 */
export function embedFromUrl(src: string, title?: string): string | undefined {
  const video = videoFromUrl(src)
  if (!video) return undefined
  return video.site === 'youtube' ? youtubeEmbedHtml(video.id, title) : vimeoEmbedHtml(video.id, title)
}
