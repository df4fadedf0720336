namespace AirisEpm.WebConsole.Users;

/// <summary>An account as the users API shows it: never its hash.</summary>
public sealed record AccountView(string Name, string Role, DateTimeOffset Created, DateTimeOffset Updated)
{
    public static AccountView Of(Account account) => new(account.Name, account.Role, account.Created, account.Updated);
}
