/** Why the API refused an action, in its own words, next to the action. */
export function DispatchError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error dispatch-error" data-testid="dispatch-error" role="alert">
      {message}
    </p>
  );
}
