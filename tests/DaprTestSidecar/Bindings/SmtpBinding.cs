using System.Globalization;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace AirisEpm.DaprTestSidecar.Bindings;

/// <summary>
/// bindings.smtp ("create"): sends the data as an HTML mail. Request metadata emailTo, emailFrom,
/// emailCC, emailBCC, subject and priority override the component's; emailFrom, emailTo and
/// subject must be set after the merge.
/// </summary>
public sealed class SmtpBinding(IReadOnlyDictionary<string, string> component) : IOutputBinding
{
    private static readonly string[] Fields = ["emailTo", "emailFrom", "emailCC", "emailBCC", "subject", "priority"];

    public async Task<BindingResult> InvokeAsync(BindingRequest request, CancellationToken cancellationToken)
    {
        if (request.Operation != "create")
        {
            throw new BindingException($"binding does not support operation {request.Operation}, supported: create");
        }

        var merged = Fields.ToDictionary(f => f, f => request.Value(f) ?? component.GetValueOrDefault(f) ?? "");
        foreach (var required in new[] { "emailFrom", "emailTo", "subject" })
        {
            if (merged[required].Length == 0)
            {
                throw new BindingException($"smtp binding error: {required} value is required");
            }
        }

        using var message = Build(merged, request.Data);
        using var client = new SmtpClient();
        var host = component.GetValueOrDefault("host") ?? "localhost";
        var port = int.Parse(component.GetValueOrDefault("port") ?? "25", CultureInfo.InvariantCulture);
        await client.ConnectAsync(host, port, SecureSocketOptions.None, cancellationToken);
        if (component.GetValueOrDefault("user") is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, component.GetValueOrDefault("password") ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return BindingResult.Empty;
    }

    private static MimeMessage Build(Dictionary<string, string> fields, byte[] data)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(fields["emailFrom"]));
        message.To.AddRange(Addresses(fields["emailTo"]));
        message.Cc.AddRange(Addresses(fields["emailCC"]));
        message.Bcc.AddRange(Addresses(fields["emailBCC"]));
        message.Subject = fields["subject"];
        if (int.TryParse(fields["priority"], CultureInfo.InvariantCulture, out var priority))
        {
            // Dapr's priority 1 is highest, 5 lowest (X-Priority).
            message.Headers.Add("X-Priority", priority.ToString(CultureInfo.InvariantCulture));
        }

        message.Body = new TextPart("html") { Text = Encoding.UTF8.GetString(data) };
        return message;
    }

    private static IEnumerable<MailboxAddress> Addresses(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(MailboxAddress.Parse);
}
