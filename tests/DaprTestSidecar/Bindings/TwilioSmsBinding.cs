using System.Net.Http.Headers;
using System.Text;

namespace AirisEpm.DaprTestSidecar.Bindings;

/// <summary>
/// bindings.twilio.sms ("create"): POSTs To/From/Body as a form to
/// {base}/2010-04-01/Accounts/{accountSid}/Messages.json with basic auth, as Twilio's API expects.
/// toNumber comes from the request metadata or the component.
/// </summary>
public sealed class TwilioSmsBinding(IReadOnlyDictionary<string, string> component, Uri baseUrl, HttpClient http) : IOutputBinding
{
    public async Task<BindingResult> InvokeAsync(BindingRequest request, CancellationToken cancellationToken)
    {
        if (request.Operation != "create")
        {
            throw new BindingException($"binding does not support operation {request.Operation}, supported: create");
        }

        var to = request.Value("toNumber") ?? component.GetValueOrDefault("toNumber");
        if (string.IsNullOrEmpty(to))
        {
            throw new BindingException("twilio missing \"toNumber\" field");
        }

        var sid = component.GetValueOrDefault("accountSid") ?? "";
        var url = new Uri(baseUrl, $"2010-04-01/Accounts/{sid}/Messages.json");
        using var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["To"] = to,
                ["From"] = component.GetValueOrDefault("fromNumber") ?? "",
                ["Body"] = Encoding.UTF8.GetString(request.Data),
            }),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sid}:{component.GetValueOrDefault("authToken")}"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        using var response = await http.SendAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BindingException($"error from Twilio ({(int)response.StatusCode})");
        }

        return BindingResult.Empty;
    }
}
