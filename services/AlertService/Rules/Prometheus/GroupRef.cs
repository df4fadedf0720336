using System.Buffers.Text;
using System.Text;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// A group of a stored rule file. Its actor id is the base64url of <c>file \n group</c>: reversible (the actor
/// knows what it evaluates from its id alone) and safe in the actor URL whatever the group's name holds.
/// </summary>
public sealed record GroupRef(string File, string Group)
{
    public string ActorId => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(File + "\n" + Group));

    public static GroupRef? FromActorId(string id)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            return newline < 0 ? null : new GroupRef(text[..newline], text[(newline + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
