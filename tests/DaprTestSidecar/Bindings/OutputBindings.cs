using AirisEpm.DaprTestSidecar.Hosting;

namespace AirisEpm.DaprTestSidecar.Bindings;

/// <summary>Finds the binding a sidecar may use, performs the call and records it.</summary>
public sealed class OutputBindings(DaprMesh mesh, string appId, HttpClient http)
{
    public async Task<BindingResult> InvokeAsync(string name, BindingRequest request, CancellationToken cancellationToken)
    {
        var component = mesh.Components.Find(appId, name, "bindings.") ?? throw DaprApiException.BindingNotFound(name);
        string? error = null;
        try
        {
            var metadata = mesh.Secrets.Metadata(component);
            IOutputBinding binding = component.Type switch
            {
                "bindings.smtp" => new SmtpBinding(metadata),
                "bindings.http" => new HttpBinding(metadata, http),
                "bindings.twilio.sms" => new TwilioSmsBinding(metadata, mesh.Options.TwilioBaseUrl, http),
                _ => throw new BindingException($"binding type {component.Type} is not an output binding of the test sidecar"),
            };
            return await binding.InvokeAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is BindingException or HttpRequestException or IOException or MailKit.CommandException
            or MailKit.ProtocolException or System.Net.Sockets.SocketException or FormatException or InvalidOperationException)
        {
            error = ex.Message;
            throw DaprApiException.BindingFailed(name, ex.Message);
        }
        finally
        {
            mesh.Bindings.Record(new BindingCall(appId, name, component.Type, request, error, mesh.Clock.GetUtcNow()));
        }
    }
}
