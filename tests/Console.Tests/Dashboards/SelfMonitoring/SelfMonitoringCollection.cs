namespace AirisEpm.Console.Tests.Dashboards.SelfMonitoring;

/// <summary>
/// Runs alone, after the parallel test classes. OpenTelemetry .NET matches meters by name, so every ASP.NET Core host in
/// one test process feeds the <c>Microsoft.AspNetCore.Hosting</c> metrics of every other (the apps' request series here
/// include the other hosts' requests, and the test sidecars'), and a host disposed meanwhile ends those streams for all of
/// them. One app per process, as in production, has neither problem; here no other host may come or go meanwhile.
/// </summary>
[CollectionDefinition(nameof(SelfMonitoringCollection), DisableParallelization = true)]
public sealed class SelfMonitoringCollection;
