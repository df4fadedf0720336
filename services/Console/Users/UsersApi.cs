using AirisEpm.ServiceDefaults.Validation;
using AirisEpm.WebConsole.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.WebConsole.Users;

/// <summary>
/// Local accounts (admin): list, create, change role or password, delete. The last admin can be neither demoted nor
/// deleted (409), so the console always has someone who can manage it. Passwords are never shown.
/// </summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(ConsolePolicies.Admin);
        api.MapGet("/", ListAsync).WithName("Users");
        api.MapPost("/", CreateAsync).WithName("CreateUser").WithValidation<UserRequest>();
        api.MapPut("/{name}", UpdateAsync).WithName("UpdateUser").WithValidation<UserRequest>();
        api.MapDelete("/{name}", DeleteAsync).WithName("DeleteUser");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AccountView>>> ListAsync(AccountStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<AccountView>>([.. (await store.ListAsync(cancellationToken)).Select(AccountView.Of)]);

    public static async Task<Results<Created<AccountView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        UserRequest request, AccountStore store, Passwords passwords, TimeProvider time, CancellationToken cancellationToken)
    {
        var missing = new Dictionary<string, string[]>();
        if (request.Name is null) missing["name"] = ["A name is required."];
        if (request.Role is null) missing["role"] = ["A role is required."];
        if (request.Password is null) missing["password"] = ["A password is required."];
        if (missing.Count > 0) return TypedResults.ValidationProblem(missing);

        var now = time.GetUtcNow();
        var account = new Account(AccountNames.Normalize(request.Name!), request.Role!, passwords.Hash(request.Password!), Account.NewStamp(), now, now);
        if (!await store.CreateAsync(account, cancellationToken))
        {
            return TypedResults.Problem(title: "The account exists", detail: $"An account named '{account.Name}' exists; change it with PUT /api/users/{account.Name}.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Created($"/api/users/{account.Name}", AccountView.Of(account));
    }

    public static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string name, UserRequest request, AccountStore store, Passwords passwords, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = AccountNames.Normalize(name);
        if (request.Name is { } renamed && AccountNames.Normalize(renamed) != key)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["An account cannot be renamed; create a new one."] });
        }

        if (request.Role is null && request.Password is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["Give a role, a password or both."] });
        }

        if (request.Role is { } role && role != ConsoleRoles.Admin && await IsLastAdminAsync(key, store, cancellationToken))
        {
            return LastAdmin(key, "demoted");
        }

        var saved = await store.UpdateAsync(key, account => account with
        {
            Role = request.Role ?? account.Role,
            PasswordHash = request.Password is { } password ? passwords.Hash(password) : account.PasswordHash,
            Stamp = Account.NewStamp(),
            Updated = time.GetUtcNow(),
        }, cancellationToken);
        return saved is null ? NotFound(key) : TypedResults.Ok(AccountView.Of(saved));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, AccountStore store, CancellationToken cancellationToken)
    {
        var key = AccountNames.Normalize(name);
        if (await IsLastAdminAsync(key, store, cancellationToken)) return LastAdmin(key, "deleted");
        return await store.DeleteAsync(key, cancellationToken) ? TypedResults.NoContent() : NotFound(key);
    }

    private static async Task<bool> IsLastAdminAsync(string name, AccountStore store, CancellationToken cancellationToken)
    {
        var admins = (await store.ListAsync(cancellationToken)).Where(a => a.Role == ConsoleRoles.Admin).Select(a => a.Name).ToList();
        return admins is [var only] && only == name;
    }

    private static ProblemHttpResult LastAdmin(string name, string what) =>
        TypedResults.Problem(title: "The last admin", detail: $"'{name}' is the only admin and cannot be {what}; make another admin first.",
            statusCode: StatusCodes.Status409Conflict);

    private static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem(title: "No such account", detail: $"There is no account named '{name}'.", statusCode: StatusCodes.Status404NotFound);
}
