using System.Buffers;

namespace AirisEpm.LogService.Syslog;

/// <summary>
/// One syslog message cut from the stream: its bytes without the length prefix or trailer (and without
/// trailing CR, LF and NUL bytes), how it was framed, and whether the stream ended inside it.
/// <see cref="Length"/> of an oversized frame is its declared length, or the bytes seen without a trailer.
/// </summary>
public readonly record struct SyslogFrame(ReadOnlySequence<byte> Payload, SyslogFraming Framing, bool Truncated, long Length);
