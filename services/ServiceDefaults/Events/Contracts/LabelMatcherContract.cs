namespace AirisEpm.ServiceDefaults.Events.Contracts;

/// <summary>A label matcher as it travels between services: op is one of =, !=, =~, !~ (regexes anchored).</summary>
public sealed record LabelMatcherContract(string Name, string Op, string Value);
