using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// Stale markers in DuckDB. A DOUBLE keeps a NaN's payload bit-exact through the Appender, <c>INSERT ... SELECT</c>,
/// <c>arg_max</c>, compression and checkpoints (the conformance suite reads one back), so a marker is stored as the
/// sample it is. SQL tells it from other NaNs by its bits: a DOUBLE cast to BIT is its IEEE 754 bit string (DuckDB has
/// no integer reinterpretation of a double).
/// </summary>
internal static class DuckDbStaleMarker
{
    private static readonly string BitString = Convert.ToString(unchecked((long)StaleMarker.Bits), 2).PadLeft(64, '0');

    /// <summary>A predicate that holds for every value of <paramref name="column"/> but a stale marker; the bit cast runs on NaNs only.</summary>
    public static string IsValue(string column) => $"(CASE WHEN isnan({column}) THEN {column}::BIT <> '{BitString}'::BIT ELSE true END)";
}
