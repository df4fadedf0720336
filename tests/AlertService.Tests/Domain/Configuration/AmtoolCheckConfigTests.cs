using System.Diagnostics;

namespace AirisEpm.AlertService.Tests.Domain.Configuration;

/// <summary>The fixtures alert-service must load are files the real Alertmanager 0.25 accepts (<c>amtool check-config</c>).</summary>
public sealed class AmtoolCheckConfigTests
{
    private const string Amtool = "/usr/bin/amtool";

    [Theory]
    [MemberData(nameof(ConfigFixtures.All), MemberType = typeof(ConfigFixtures))]
    public async Task Amtool_accepts_the_fixture(string file)
    {
        if (!File.Exists(Amtool))
        {
            Assert.Skip($"{Amtool} is not installed (apt-get install -y prometheus-alertmanager); the fixture is not checked against Alertmanager.");
        }

        var start = new ProcessStartInfo(Amtool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("check-config");
        start.ArgumentList.Add(ConfigFixtures.PathOf(file));
        using var amtool = Process.Start(start)!;
        var output = await amtool.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)
            + await amtool.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await amtool.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(amtool.ExitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }
}
