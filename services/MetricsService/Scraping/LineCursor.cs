using System.Text;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Protocols;

namespace AirisEpm.MetricsService.Scraping;

/// <summary>Reads the parts of one sample line: name, <c>{labels}</c>, and whitespace-separated tokens.</summary>
internal ref struct LineCursor(ReadOnlySpan<char> line, int lineNumber)
{
    private readonly ReadOnlySpan<char> _line = line;
    private int _position;

    public readonly bool AtEnd => _position >= _line.Length;

    public readonly char Peek() => AtEnd ? '\0' : _line[_position];

    public string ReadName()
    {
        var start = _position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek()) || Peek() is '_' or ':'))
        {
            _position++;
        }

        var name = _line[start.._position];
        if (!PrometheusNames.IsValidMetricName(name))
        {
            throw Error($"'{_line[start..Math.Min(_line.Length, start + 64)]}' does not start with a valid metric name");
        }

        return name.ToString();
    }

    public Label[] ReadLabels()
    {
        var labels = new List<Label>();
        _position++; // '{'
        while (true)
        {
            SkipSpaces(required: false);
            if (Peek() == '}')
            {
                _position++;
                return [.. labels];
            }

            var start = _position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_'))
            {
                _position++;
            }

            var name = _line[start.._position].ToString();
            if (!PrometheusNames.IsValidLabelName(name))
            {
                throw Error($"invalid label name at column {start + 1}");
            }

            SkipSpaces(required: false);
            Expect('=');
            SkipSpaces(required: false);
            labels.Add(new Label(name, ReadQuoted()));
            SkipSpaces(required: false);
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != '}')
            {
                throw Error($"expected ',' or '}}' at column {_position + 1}");
            }
        }
    }

    public void SkipSpaces(bool required)
    {
        var start = _position;
        while (!AtEnd && Peek() is ' ' or '\t')
        {
            _position++;
        }

        if (required && start == _position)
        {
            throw Error($"expected a space at column {_position + 1}");
        }
    }

    public ReadOnlySpan<char> ReadToken()
    {
        var start = _position;
        while (!AtEnd && Peek() is not ' ' and not '\t')
        {
            _position++;
        }

        if (start == _position)
        {
            throw Error("missing value");
        }

        return _line[start.._position];
    }

    private string ReadQuoted()
    {
        Expect('"');
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated label value");
            }

            var c = _line[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (AtEnd)
            {
                throw Error("unterminated escape in a label value");
            }

            var escaped = _line[_position++];
            builder.Append(escaped switch
            {
                'n' => '\n',
                '\\' => '\\',
                '"' => '"',
                _ => throw Error($"invalid escape '\\{escaped}' in a label value"),
            });
        }
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Error($"expected '{expected}' at column {_position + 1}");
        }

        _position++;
    }

    private readonly ExpositionFormatException Error(string reason) => new(lineNumber, reason);
}
