namespace AirisEpm.LogService.Patterns;

/// <summary>
/// A line after <see cref="LineTokenizer"/>: its masked tokens written one after another, separated by a
/// single space, so <see cref="Text"/> is also the template the line would have as a new cluster. Reused
/// from line to line (one per thread), so tokenising allocates nothing once the buffers have grown.
/// </summary>
internal sealed class MaskedLine
{
    private const string Wildcard = TokenMasker.Wildcard;

    private char[] _text = new char[256];
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];
    private bool[] _masked = new bool[32];
    private int _length;
    private int _tokenStart = -1;

    /// <summary>Number of tokens.</summary>
    public int Count { get; private set; }

    /// <summary>The tokens joined by single spaces.</summary>
    public ReadOnlySpan<char> Text => _text.AsSpan(0, _length);

    /// <summary>The token at <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> this[int index] => _text.AsSpan(_starts[index], _lengths[index]);

    /// <summary>Whether the masker put a wildcard in the token at <paramref name="index"/>; such tokens route to a tree node's wildcard child.</summary>
    public bool IsMasked(int index) => _masked[index];

    public void Clear()
    {
        _length = 0;
        Count = 0;
        _tokenStart = -1;
    }

    /// <summary>Starts a token; its characters follow through <see cref="Append(char)"/>.</summary>
    public void BeginToken()
    {
        if (Count > 0)
        {
            Append(' ');
        }

        _tokenStart = _length;
    }

    /// <summary>
    /// Ends the current token. A <paramref name="masked"/> token merges with a masked token before it when
    /// the two would read as one variable (see <see cref="LineTokenizer"/>): it repeats it, or one of the
    /// two is a bare wildcard the other starts or ends with (<c>&lt;*&gt; &lt;*&gt;,</c> → <c>&lt;*&gt;,</c>).
    /// </summary>
    public void EndToken(bool masked)
    {
        var length = _length - _tokenStart;
        if (masked && Count > 0 && _masked[Count - 1])
        {
            var previous = this[Count - 1];
            var current = _text.AsSpan(_tokenStart, length);
            if (previous.SequenceEqual(current) || (current.SequenceEqual(Wildcard) && previous.EndsWith(Wildcard)))
            {
                _length = _tokenStart - 1;
                return;
            }

            if (previous.SequenceEqual(Wildcard) && current.StartsWith(Wildcard))
            {
                // Drop the bare wildcard before: move this token's characters over it.
                var previousStart = _starts[Count - 1];
                current.CopyTo(_text.AsSpan(previousStart));
                _length = previousStart + length;
                _lengths[Count - 1] = length;
                return;
            }
        }

        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
            Array.Resize(ref _masked, Count * 2);
        }

        _starts[Count] = _tokenStart;
        _lengths[Count] = length;
        _masked[Count] = masked;
        Count++;
    }

    /// <summary>Characters of the current token written so far.</summary>
    public ReadOnlySpan<char> CurrentToken => _text.AsSpan(_tokenStart, _length - _tokenStart);

    /// <summary>Removes the last <paramref name="count"/> characters of the current token.</summary>
    public void Truncate(int count) => _length -= count;

    public void Append(char c)
    {
        if (_length == _text.Length)
        {
            Array.Resize(ref _text, _text.Length * 2);
        }

        _text[_length++] = c;
    }

    public void Append(ReadOnlySpan<char> chars)
    {
        if (_length + chars.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + chars.Length));
        }

        chars.CopyTo(_text.AsSpan(_length));
        _length += chars.Length;
    }
}
