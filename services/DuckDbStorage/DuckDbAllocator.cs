using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace AirisEpm.DuckDbStorage;

/// <summary>
/// DuckDB's own allocator: the jemalloc linked into libduckdb on Linux (exported with the <c>duckdb_je_</c> prefix). It keeps
/// the pages DuckDB frees for about a second before handing them back (its decay), and the end of a transaction of a large
/// batch frees a hundred megabytes and more at once: a store that writes such batches hands them back at once with
/// <see cref="Purge"/>, as DuckDB does itself when it flushes its allocator. A no-op where libduckdb has no jemalloc.
/// </summary>
public static class DuckDbAllocator
{
    private static readonly unsafe delegate* unmanaged<byte*, void*, nuint*, void*, nuint, int> Mallctl = Find();

    /// <summary>Hands the pages DuckDB freed back to the system now, from every arena; false where its allocator has no such control.</summary>
    public static unsafe bool Purge()
    {
        if (Mallctl == null) return false;
        // 4096 is jemalloc's MALLCTL_ARENAS_ALL.
        fixed (byte* name = "arena.4096.purge\0"u8)
        {
            return Mallctl(name, null, null, null, 0) == 0;
        }
    }

    private static unsafe delegate* unmanaged<byte*, void*, nuint*, void*, nuint, int> Find() =>
        OperatingSystem.IsLinux()
        && NativeLibrary.TryLoad("duckdb", typeof(DuckDBConnection).Assembly, DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories, out var library)
        && NativeLibrary.TryGetExport(library, "duckdb_je_mallctl", out var mallctl)
            ? (delegate* unmanaged<byte*, void*, nuint*, void*, nuint, int>)mallctl
            : null;
}
