import { STATUS_LABELS, type DisplayStatus } from '~/domain/contracts/recurrence'

/** An obligation's status in words (never colour alone); the class only adds a border style per status. */
export function ObligationStatus({ status }: { status: DisplayStatus }) {
  return (
    <span className={`portaal-status portaal-verplichting-${status.replace(/_/g, '-')}`}>
      {STATUS_LABELS[status]}
    </span>
  )
}
