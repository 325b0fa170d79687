import { AfterSalesView } from './AfterSalesView';
import { ComplaintDetail } from './ComplaintDetail';

/**
 * The customer's side of complaints, for the customer portal to include: its
 * own complaints and their state, one opened, and a form to raise a new one.
 */
export function CustomerComplaints({
  openComplaintId,
  onOpen,
  onBack,
}: {
  openComplaintId: string | null;
  onOpen: (complaintId: string) => void;
  onBack: () => void;
}) {
  return openComplaintId ? (
    <ComplaintDetail complaintId={openComplaintId} canWork={false} canAddPhotos onBack={onBack} />
  ) : (
    <AfterSalesView onOpenComplaint={onOpen} canRaise canWork={false} />
  );
}
