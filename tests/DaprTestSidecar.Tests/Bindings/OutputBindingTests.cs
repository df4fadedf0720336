using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Tests.Support;
using AirisEpm.ServiceDefaults.Dapr;
using System.Text;
using Dapr;
using Dapr.Client;

namespace AirisEpm.DaprTestSidecar.Tests.Bindings;

public sealed class OutputBindingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Smtp_binding_sends_html_mail_with_merged_recipients_and_subject()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));

        // Raw bytes: the generic overload would JSON-encode the string, quotes included, as with daprd.
        var request = new BindingRequest(DaprComponents.Email, "create") { Data = Encoding.UTF8.GetBytes("<h1>CPU high</h1>") };
        request.Metadata["emailTo"] = "oncall@example.com;lead@example.com";
        request.Metadata["emailCC"] = "cc@example.com";
        request.Metadata["subject"] = "[FIRING] HighCpu";
        await dapr.InvokeBindingAsync(request, Ct);

        var message = await Eventually.ValueAsync(() => env.Smtp.Messages is [var first, ..] ? first : null, what: "the mail");
        Assert.Equal(["oncall@example.com", "lead@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("cc@example.com", Assert.Single(message.Cc.Mailboxes).Address);
        Assert.Equal("airis-epm@localhost", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("[FIRING] HighCpu", message.Subject);
        Assert.Equal("<h1>CPU high</h1>", message.HtmlBody?.Trim());
        Assert.True(Assert.Single(env.Mesh.Bindings.For(DaprComponents.Email)).Succeeded);
    }

    [Fact]
    public async Task Smtp_binding_refuses_a_mail_without_recipients()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));

        var error = await Assert.ThrowsAsync<DaprException>(() => dapr.InvokeBindingAsync(DaprComponents.Email, "create", "body", cancellationToken: Ct));

        Assert.Equal("ERR_INVOKE_OUTPUT_BINDING", DaprClients.ErrorCode(error));
        Assert.Contains("emailTo", Assert.Single(env.Mesh.Bindings.Calls).Error);
        Assert.Empty(env.Smtp.Messages);
    }

    [Fact]
    public async Task Http_binding_posts_to_the_secret_url_with_capitalised_metadata_as_headers()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));

        await dapr.InvokeBindingAsync(DaprComponents.Webhook, "post", new { status = "firing" }, new Dictionary<string, string>
        {
            ["path"] = "alerts",
            ["X-Airis-Signature"] = "sig-1",
            ["lowercase"] = "not-a-header",
        }, Ct);

        var request = Assert.Single(env.Receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/webhook/alerts", request.Path);
        Assert.Equal("sig-1", request.Header("X-Airis-Signature"));
        Assert.Null(request.Header("lowercase"));
        Assert.Contains("\"status\":\"firing\"", request.Body);
    }

    [Fact]
    public async Task Http_binding_with_error_if_not_2xx_fails_on_a_5xx()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));
        env.Receiver.StatusCode = 503;

        var error = await Assert.ThrowsAsync<DaprException>(() => dapr.InvokeBindingAsync(DaprComponents.Slack, "create", new { text = "hi" }, cancellationToken: Ct));

        Assert.Equal("ERR_INVOKE_OUTPUT_BINDING", DaprClients.ErrorCode(error));
        Assert.Equal("/slack", Assert.Single(env.Receiver.Requests).Path);
    }

    [Fact]
    public async Task Twilio_binding_posts_the_sms_form_to_the_test_base_url()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));

        var sms = new BindingRequest(DaprComponents.Sms, "create") { Data = Encoding.UTF8.GetBytes("disk full") };
        sms.Metadata["toNumber"] = "+15551234567";
        await dapr.InvokeBindingAsync(sms, Ct);

        var request = Assert.Single(env.Receiver.Requests);
        Assert.Equal("/twilio/2010-04-01/Accounts/ACexample-not-a-real-account/Messages.json", request.Path);
        Assert.Contains("To=%2B15551234567", request.Body);
        Assert.Contains("Body=disk+full", request.Body);
        Assert.StartsWith("Basic ", request.Header("Authorization"));
    }

    [Fact]
    public async Task An_app_outside_the_binding_scopes_cannot_use_it()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        var error = await Assert.ThrowsAsync<DaprException>(() => dapr.InvokeBindingAsync(DaprComponents.Email, "create", "x", cancellationToken: Ct));

        Assert.Equal("ERR_INVOKE_OUTPUT_BINDING", DaprClients.ErrorCode(error));
        Assert.Contains("couldn't find output binding email", error.InnerException!.Message);
    }
}
