namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>Every function of Prometheus 3's stable set, one row per name.</summary>
internal static class FunctionTable
{
    private static readonly Dictionary<string, FunctionImpl> Rows = new(StringComparer.Ordinal)
    {
        // Counters and gauges over a range: extrapolated and instant rates.
        ["rate"] = new RangeFunction(RateFunctions.Rate),
        ["increase"] = new RangeFunction(RateFunctions.Increase),
        ["delta"] = new RangeFunction(RateFunctions.Delta),
        ["irate"] = new RangeFunction(RateFunctions.Irate),
        ["idelta"] = new RangeFunction(RateFunctions.Idelta),
        ["resets"] = new RangeFunction(CounterFunctions.Resets),
        ["changes"] = new RangeFunction(CounterFunctions.Changes),
        ["deriv"] = new RangeFunction(TrendFunctions.Deriv),
        ["predict_linear"] = new RangeFunction(TrendFunctions.PredictLinear),

        // Aggregations over time.
        ["avg_over_time"] = new RangeFunction(OverTimeFunctions.Avg),
        ["sum_over_time"] = new RangeFunction(OverTimeFunctions.Sum),
        ["count_over_time"] = new RangeFunction(OverTimeFunctions.Count),
        ["min_over_time"] = new RangeFunction(OverTimeFunctions.Min),
        ["max_over_time"] = new RangeFunction(OverTimeFunctions.Max),
        ["stddev_over_time"] = new RangeFunction(OverTimeFunctions.Stddev),
        ["stdvar_over_time"] = new RangeFunction(OverTimeFunctions.Stdvar),
        ["quantile_over_time"] = new RangeFunction(OverTimeFunctions.Quantile, parameterWarning: OverTimeFunctions.QuantileWarning),
        ["last_over_time"] = new RangeFunction(OverTimeFunctions.Last, keepName: true),
        ["first_over_time"] = new RangeFunction(OverTimeFunctions.First, keepName: true),
        ["present_over_time"] = new RangeFunction(OverTimeFunctions.Present),
        ["absent_over_time"] = new DelegateFunction(VectorFunctions.AbsentOverTimeAsync),

        // Math on each sample.
        ["abs"] = new ElementFunction(Math.Abs),
        ["ceil"] = new ElementFunction(Math.Ceiling),
        ["floor"] = new ElementFunction(Math.Floor),
        ["exp"] = new ElementFunction(Math.Exp),
        ["sqrt"] = new ElementFunction(Math.Sqrt),
        ["ln"] = new ElementFunction(Math.Log),
        ["log2"] = new ElementFunction(GoMath.Log2),
        ["log10"] = new ElementFunction(GoMath.Log10),
        ["sgn"] = new ElementFunction(MathFunctions.Sgn),
        ["deg"] = new ElementFunction(MathFunctions.Deg),
        ["rad"] = new ElementFunction(MathFunctions.Rad),
        ["clamp"] = new DelegateFunction(MathFunctions.ClampAsync),
        ["clamp_min"] = new DelegateFunction(MathFunctions.ClampMinAsync),
        ["clamp_max"] = new DelegateFunction(MathFunctions.ClampMaxAsync),
        ["round"] = new DelegateFunction(MathFunctions.RoundAsync),
        ["pi"] = new DelegateFunction(VectorFunctions.PiAsync),

        // Trigonometry.
        ["sin"] = new ElementFunction(Math.Sin),
        ["cos"] = new ElementFunction(Math.Cos),
        ["tan"] = new ElementFunction(Math.Tan),
        ["asin"] = new ElementFunction(Math.Asin),
        ["acos"] = new ElementFunction(Math.Acos),
        ["atan"] = new ElementFunction(Math.Atan),
        ["sinh"] = new ElementFunction(Math.Sinh),
        ["cosh"] = new ElementFunction(Math.Cosh),
        ["tanh"] = new ElementFunction(Math.Tanh),
        ["asinh"] = new ElementFunction(Math.Asinh),
        ["acosh"] = new ElementFunction(Math.Acosh),
        ["atanh"] = new ElementFunction(Math.Atanh),

        // Time and date.
        ["time"] = new DelegateFunction(VectorFunctions.TimeAsync),
        ["timestamp"] = new DelegateFunction(VectorFunctions.TimestampAsync),
        ["minute"] = new DateFunction(t => t.Minute),
        ["hour"] = new DateFunction(t => t.Hour),
        ["day_of_week"] = new DateFunction(t => t.DayOfWeek),
        ["day_of_month"] = new DateFunction(t => t.Day),
        ["day_of_year"] = new DateFunction(t => t.DayOfYear),
        ["days_in_month"] = new DateFunction(t => t.DaysInMonth),
        ["month"] = new DateFunction(t => t.Month),
        ["year"] = new DateFunction(t => t.Year),

        // Whole vectors, types and labels.
        ["vector"] = new DelegateFunction(VectorFunctions.VectorAsync),
        ["scalar"] = new DelegateFunction(VectorFunctions.ScalarAsync),
        ["sort"] = new DelegateFunction(VectorFunctions.SortAsync),
        ["sort_desc"] = new DelegateFunction(VectorFunctions.SortDescAsync),
        ["absent"] = new DelegateFunction(VectorFunctions.AbsentAsync),
        ["label_replace"] = new DelegateFunction(LabelFunctions.LabelReplaceAsync),
        ["label_join"] = new DelegateFunction(LabelFunctions.LabelJoinAsync),

        // Classic histograms (native histograms are not stored, so the native-only functions see none).
        ["histogram_quantile"] = new DelegateFunction(HistogramFunctions.QuantileAsync),
        ["histogram_fraction"] = new DelegateFunction(HistogramFunctions.FractionAsync),
        ["histogram_count"] = new DelegateFunction(HistogramFunctions.NativeOnlyAsync),
        ["histogram_sum"] = new DelegateFunction(HistogramFunctions.NativeOnlyAsync),
        ["histogram_avg"] = new DelegateFunction(HistogramFunctions.NativeOnlyAsync),
        ["histogram_stddev"] = new DelegateFunction(HistogramFunctions.NativeOnlyAsync),
        ["histogram_stdvar"] = new DelegateFunction(HistogramFunctions.NativeOnlyAsync),
    };

    public static IReadOnlyCollection<string> Names => Rows.Keys;

    public static FunctionImpl? Find(string name) => Rows.GetValueOrDefault(name);
}
