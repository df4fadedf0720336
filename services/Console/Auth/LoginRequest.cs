using FluentValidation;

namespace AirisEpm.WebConsole.Auth;

public sealed record LoginRequest(string? Username, string? Password);

public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Username).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(1024);
    }
}
