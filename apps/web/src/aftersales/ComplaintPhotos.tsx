import { type ComplaintDto, MAX_COMPLAINT_PHOTO_BYTES } from '@pourline/contracts';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { complaintPhoto, uploadComplaintPhoto } from './complaintEndpoints';

/** Photos of what the customer saw: shown as thumbnails, added as PNG or JPEG. */
export function ComplaintPhotos({
  complaint,
  canAdd,
  onChanged,
}: {
  complaint: ComplaintDto;
  canAdd: boolean;
  onChanged: (complaint: ComplaintDto) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const created: string[] = [];
    void Promise.all(
      complaint.photos.map(async (photo) => {
        const url = URL.createObjectURL(await complaintPhoto(api, complaint.id, photo.id));
        created.push(url);
        return [photo.id, url] as const;
      }),
    ).then(
      (entries) => !cancelled && setUrls(Object.fromEntries(entries)),
      () => undefined,
    );
    return () => {
      cancelled = true;
      created.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [api, complaint.id, complaint.photos]);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_COMPLAINT_PHOTO_BYTES) {
      setError(t('complaints.photos.tooLarge', { mb: MAX_COMPLAINT_PHOTO_BYTES / 1024 / 1024 }));
      return;
    }
    try {
      onChanged(await uploadComplaintPhoto(api, complaint.id, file));
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  return (
    <section className="panel" data-testid="complaint-photos">
      <h2>{t('complaints.photos.title')}</h2>
      {complaint.photos.length === 0 && <p className="muted">{t('complaints.photos.empty')}</p>}
      <div className="complaint-photo-grid">
        {complaint.photos.map((photo) => (
          <figure key={photo.id} className="complaint-photo">
            {urls[photo.id] && <img src={urls[photo.id]} alt={photo.fileName} />}
            <figcaption className="muted">{photo.fileName}</figcaption>
          </figure>
        ))}
      </div>
      {canAdd && complaint.state !== 'closed' && (
        <label className="button">
          {t('complaints.photos.add')}
          <input
            type="file"
            accept="image/png,image/jpeg"
            hidden
            data-testid="complaint-photo-input"
            onChange={(event) => void upload(event.target.files?.[0])}
          />
        </label>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
