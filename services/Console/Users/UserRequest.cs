using AirisEpm.WebConsole.Auth;
using FluentValidation;

namespace AirisEpm.WebConsole.Users;

/// <summary>The users API's body: <c>{ "name", "role", "password"? }</c>. PUT takes the name from the path and changes what is given.</summary>
public sealed record UserRequest(string? Name, string? Role, string? Password);

public sealed class UserRequestValidator : AbstractValidator<UserRequest>
{
    public UserRequestValidator()
    {
        RuleFor(r => r.Name).Must(n => n is null || AccountNames.IsValid(AccountNames.Normalize(n))).WithMessage($"A name is {AccountNames.Rule}.");
        RuleFor(r => r.Role).Must(r => r is null || ConsoleRoles.IsRole(r)).WithMessage($"A role is one of {string.Join(", ", ConsoleRoles.All)}.");
        RuleFor(r => r.Password).Must(p => p is null || PasswordRules.Problem(p) is null).WithMessage(r => PasswordRules.Problem(r.Password) ?? "");
    }
}
