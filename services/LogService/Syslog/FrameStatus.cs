namespace AirisEpm.LogService.Syslog;

/// <summary>What <see cref="SyslogFrameReader.TryRead"/> found at the start of the buffer.</summary>
public enum FrameStatus
{
    /// <summary>A whole frame; the buffer now starts after it.</summary>
    Frame,

    /// <summary>No whole frame yet: read more bytes and call again.</summary>
    Incomplete,

    /// <summary>The next frame is longer than the limit: close the connection, the stream cannot be resynchronised.</summary>
    Oversized,
}
