export function ReadOnlyBanner() {
  return (
    <div className="readonly-banner" role="status">
      <strong>View only.</strong> You opened a view link: you can pan, zoom and follow along live, but not
      edit.
    </div>
  )
}
