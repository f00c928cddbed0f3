/**
 * An object URL for one stored photo image, for an <img>. Images never change (named by their hash), so each
 * is fetched once per window and its URL kept for the window's life; a failed load is not kept, so a later
 * render tries again.
 */
import { useEffect, useState } from 'react';
import { client } from './api/instance';

const urls = new Map<string, Promise<string>>();

function photoUrl(deviceId: string, sha256: string): Promise<string> {
  let url = urls.get(sha256);
  if (!url) {
    url = client.photo(deviceId, sha256).then((blob) => URL.createObjectURL(blob));
    url.catch(() => urls.delete(sha256));
    urls.set(sha256, url);
  }
  return url;
}

/** The image's URL once loaded; `failed` when it could not be had. */
export function usePhotoUrl(deviceId: string, sha256: string): { url?: string; failed: boolean } {
  const [state, setState] = useState<{ url?: string; failed: boolean; sha256: string }>({ failed: false, sha256 });
  useEffect(() => {
    let live = true;
    photoUrl(deviceId, sha256).then(
      (url) => live && setState({ url, failed: false, sha256 }),
      () => live && setState({ failed: true, sha256 }),
    );
    return () => {
      live = false;
    };
  }, [deviceId, sha256]);
  return state.sha256 === sha256 ? state : { failed: false };
}
