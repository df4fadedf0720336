using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Support;

/// <summary>The console in memory, with the platform's test configuration (tokens, development keys).</summary>
public sealed class ConsoleFactory : ServiceFactory<Program>;
