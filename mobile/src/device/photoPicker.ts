import * as ImagePicker from 'expo-image-picker';
import type { PhotoFile } from '../api/installerJobs';

export interface PickedPhoto extends PhotoFile {
  /** bytes, when the platform tells */
  size?: number;
}

export type PickResult = { status: 'denied' } | { status: 'cancelled' } | { status: 'picked'; photos: PickedPhoto[] };

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Guesses the type from the name when the platform gives none. */
function typeOf(asset: ImagePicker.ImagePickerAsset): string {
  if (asset.mimeType) return asset.mimeType;
  const name = (asset.fileName ?? asset.uri).toLowerCase();
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.webp')) return 'image/webp';
  return 'image/jpeg';
}

/**
 * Asks for permission, then takes a photo with the camera or picks up to `limit` from the library
 * (on web both open a file input). Nothing is read or kept beyond what is uploaded.
 */
export async function pickPhotos(source: 'camera' | 'library', limit: number): Promise<PickResult> {
  const permission =
    source === 'camera' ? await ImagePicker.requestCameraPermissionsAsync() : await ImagePicker.requestMediaLibraryPermissionsAsync();
  if (!permission.granted) return { status: 'denied' };
  const options: ImagePicker.ImagePickerOptions = { mediaTypes: ['images'], quality: 0.8, exif: false };
  const result =
    source === 'camera'
      ? await ImagePicker.launchCameraAsync(options)
      : await ImagePicker.launchImageLibraryAsync({ ...options, allowsMultipleSelection: limit > 1, selectionLimit: Math.max(1, limit) });
  if (result.canceled || result.assets.length === 0) return { status: 'cancelled' };
  return {
    status: 'picked',
    photos: result.assets.slice(0, Math.max(1, limit)).map((asset, i) => {
      const type = typeOf(asset);
      return {
        uri: asset.uri,
        type,
        name: asset.fileName ?? `photo-${Date.now()}-${i}.${EXTENSIONS[type] ?? 'jpg'}`,
        file: asset.file,
        size: asset.fileSize ?? asset.file?.size,
      };
    }),
  };
}
