using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.LogService.Tests.Functional;

/// <summary>log-service in memory with its Lucene store in a temporary folder, and clients for writing and reading.</summary>
public sealed class LogServiceFactory : ServiceFactory<Program>
{
    public HttpClient Writer() => CreateClient().WithToken(Permissions.LogsWrite);

    public HttpClient Reader() => CreateClient().WithToken(Permissions.LogsRead);
}
