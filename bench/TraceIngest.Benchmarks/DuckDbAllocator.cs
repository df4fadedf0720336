using System.Runtime.InteropServices;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// The statistics of DuckDB's own allocator (the jemalloc linked into libduckdb, exported with the <c>duckdb_je_</c>
/// prefix): what DuckDB has allocated, and what the allocator keeps resident for it, freed or not. Read by the server
/// process of the benchmark to tell DuckDB's share of the native memory from the runtime's.
/// </summary>
internal static partial class DuckDbAllocator
{
    /// <summary>Bytes allocated by DuckDB now, and bytes its allocator keeps resident (allocated, freed and not yet purged, metadata).</summary>
    public static (long Allocated, long Resident) Read()
    {
        ulong epoch = 1;
        var size = (nuint)sizeof(ulong);
        // Statistics are refreshed when the epoch is written.
        _ = Mallctl("epoch", IntPtr.Zero, IntPtr.Zero, ref epoch, size);
        return (Stat("stats.allocated"), Stat("stats.resident"));
    }

    /// <summary>A setting of the allocator of <paramref name="bytes"/> bytes (8: <c>opt.dirty_decay_ms</c>, 4: <c>opt.narenas</c>, 1: <c>background_thread</c>), -1 when it has none.</summary>
    public static long Option(string name, int bytes)
    {
        long value = 0;
        var length = (nuint)bytes;
        return MallctlRead(name, ref value, ref length) == 0 ? value & (bytes == 8 ? -1 : (1L << (bytes * 8)) - 1) : -1;
    }

    private static long Stat(string name)
    {
        long value = 0;
        var length = (nuint)sizeof(long);
        return MallctlRead(name, ref value, ref length) == 0 ? value : -1;
    }

    [LibraryImport("duckdb", EntryPoint = "duckdb_je_mallctl", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Mallctl(string name, IntPtr oldValue, IntPtr oldLength, ref ulong newValue, nuint newLength);

    [LibraryImport("duckdb", EntryPoint = "duckdb_je_mallctl", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MallctlRead(string name, ref long oldValue, ref nuint oldLength, IntPtr newValue = 0, nuint newLength = 0);
}
