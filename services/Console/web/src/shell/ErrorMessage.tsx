import { ApiError, errorMessage } from "../api/ApiError";

/** An error where the data would have been: the problem's title, its detail, and field errors when there are some. */
export function ErrorMessage({ error, context }: { error: unknown; context?: string }) {
  const title = error instanceof ApiError ? error.title : "Something went wrong";
  const detail = error instanceof ApiError ? error.detail : errorMessage(error);
  const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  return (
    <div className="error-message" role="alert">
      <strong>{context ? `${context}: ${title}` : title}</strong>
      {detail && <p>{detail}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map(([field, messages]) => (
            <li key={field}>
              <code>{field}</code> {messages.join(" ")}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
