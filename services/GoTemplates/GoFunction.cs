namespace AirisEpm.GoTemplates;

/// <summary>A template function: takes the evaluated arguments (the piped value last), returns a value or throws <see cref="GoTemplateException"/>.</summary>
public delegate object? GoFunction(IReadOnlyList<object?> args);
