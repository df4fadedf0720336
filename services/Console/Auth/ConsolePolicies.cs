namespace AirisEpm.WebConsole.Auth;

/// <summary>Authorization policies of the console's own API, all on the session cookie.</summary>
public static class ConsolePolicies
{
    /// <summary>Any signed-in person (viewer and up).</summary>
    public const string SignedIn = "console:signed-in";

    /// <summary>Editors and admins.</summary>
    public const string Editor = "console:editor";

    public const string Admin = "console:admin";
}
