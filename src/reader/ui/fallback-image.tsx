import { useState, type ImgHTMLAttributes } from 'react';

interface FallbackImageProps extends Omit<ImgHTMLAttributes<HTMLImageElement>, 'onError'> {
  src: string;
  /** Shown, as text, in place of the image when it fails to load. */
  unavailableLabel: string;
}

/**
 * FallbackImage: an image that, when it fails (a dead host, a blocked URL), gives way to a
 * neutral text in its box instead of the browser's broken-image icon.
 */
export function FallbackImage({ src, unavailableLabel, className, ...props }: FallbackImageProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (failedSrc === src) {
    return (
      <span className={`${className ?? ''} image-unavailable`.trim()}>{unavailableLabel}</span>
    );
  }
  return <img {...props} src={src} className={className} onError={() => setFailedSrc(src)} />;
}
