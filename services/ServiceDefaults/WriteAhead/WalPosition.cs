namespace AirisEpm.ServiceDefaults.WriteAhead;

/// <summary>Where an appended frame is: its segment, the offset of its header in the segment's file, and its payload's length.</summary>
public sealed record WalPosition(WalSegment Segment, long Offset, int Length)
{
    /// <summary>The frame's bytes in the file: its header and its payload.</summary>
    public int FrameLength => WalFrame.HeaderSize + Length;
}
