namespace AirisEpm.GoTemplates;

/// <summary>
/// A Go template that does not parse, or fails while it runs. <see cref="Exception.Message"/> is Go's text:
/// <c>template: NAME:LINE: reason</c> for parse errors, <c>template: NAME:LINE:COL: executing "NAME" at &lt;…&gt;: reason</c>
/// style for execution errors (shortened to the reason and line here).
/// </summary>
public sealed class GoTemplateException(string message) : Exception(message);
