namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// A request's parameters as Prometheus reads them (Go's <c>Request.FormValue</c> and <c>Form[name]</c>): the URL
/// query, plus for a POST with an <c>application/x-www-form-urlencoded</c> body the form, whose values come first.
/// </summary>
public sealed class PromRequest
{
    private readonly IQueryCollection _query;
    private readonly IFormCollection? _form;

    private PromRequest(IQueryCollection query, IFormCollection? form)
    {
        _query = query;
        _form = form;
    }

    /// <summary>Reads the form body when there is one; a body that is not a valid form is <c>bad_data</c>, as in Prometheus.</summary>
    public static async Task<PromRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return new PromRequest(request.Query, null);
        }

        try
        {
            return new PromRequest(request.Query, await request.ReadFormAsync(cancellationToken));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            throw PromApiException.BadData($"error parsing form values: {e.Message}");
        }
    }

    /// <summary>The first value of <paramref name="name"/> (the form's before the URL's), or "" when absent, as Go's <c>FormValue</c>.</summary>
    public string Value(string name)
    {
        if (_form is not null && _form.TryGetValue(name, out var fromForm) && fromForm.Count > 0)
        {
            return fromForm[0] ?? "";
        }

        return _query.TryGetValue(name, out var fromQuery) && fromQuery.Count > 0 ? fromQuery[0] ?? "" : "";
    }

    /// <summary>Every value of <paramref name="name"/>: the form's, then the URL's.</summary>
    public IReadOnlyList<string> Values(string name)
    {
        var values = new List<string>();
        if (_form is not null && _form.TryGetValue(name, out var fromForm))
        {
            values.AddRange(fromForm.OfType<string>());
        }

        if (_query.TryGetValue(name, out var fromQuery))
        {
            values.AddRange(fromQuery.OfType<string>());
        }

        return values;
    }

    public bool Has(string name) => Value(name).Length > 0;
}
