using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>Random series and random well-typed expressions over them, from a seed, for property tests.</summary>
internal sealed class RandomQueryGenerator(int seed)
{
    private static readonly string[] RangeFunctions =
    [
        "rate", "increase", "delta", "irate", "idelta", "resets", "changes", "deriv", "avg_over_time", "sum_over_time",
        "count_over_time", "min_over_time", "max_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time",
        "present_over_time", "absent_over_time",
    ];

    private static readonly string[] ElementFunctions = ["abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "sgn", "sin", "timestamp", "hour"];

    private static readonly AggregateOp[] Aggregations =
        [AggregateOp.Sum, AggregateOp.Avg, AggregateOp.Min, AggregateOp.Max, AggregateOp.Count, AggregateOp.Group, AggregateOp.Stddev, AggregateOp.TopK, AggregateOp.BottomK, AggregateOp.Quantile];

    private static readonly BinaryOp[] Operators =
        [BinaryOp.Add, BinaryOp.Sub, BinaryOp.Mul, BinaryOp.Div, BinaryOp.Mod, BinaryOp.Pow, BinaryOp.Gtr, BinaryOp.Lte, BinaryOp.Eql, BinaryOp.And, BinaryOp.Or, BinaryOp.Unless];

    private readonly Random _random = new(seed);

    public InMemorySeriesSource Data()
    {
        var source = new InMemorySeriesSource();
        foreach (var name in new[] { "a", "b" })
        {
            foreach (var job in new[] { "x", "y" })
            {
                for (var i = 0; i < _random.Next(1, 3); i++)
                {
                    var labels = LabelSet.From(("__name__", name), ("job", job), ("i", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    var points = new List<Point>();
                    var value = _random.Next(0, 100);
                    for (long t = _random.Next(0, 60) * 1000; t < 1_800_000; t += _random.Next(10, 90) * 1000)
                    {
                        var roll = _random.NextDouble();
                        value = roll < 0.05 ? 0 : value + _random.Next(0, 10);
                        points.Add(new Point(t, roll switch
                        {
                            < 0.02 => StaleMarker.Value,
                            < 0.04 => double.NaN,
                            _ => value,
                        }));
                    }

                    source.Add(labels, points);
                }
            }
        }

        return source;
    }

    public Expr Vector(int depth)
    {
        var roll = depth <= 0 ? _random.Next(0, 2) : _random.Next(0, 7);
        return roll switch
        {
            0 => Selector(),
            1 => F(Pick(RangeFunctions), Range()),
            2 => F(Pick(ElementFunctions), Vector(depth - 1)),
            3 => Aggregate(depth),
            4 => Binary(depth),
            5 => F("max_over_time", Sub(Vector(depth - 1), $"{_random.Next(2, 6)}m", $"{_random.Next(1, 3) * 30}s")),
            _ => F("label_replace", Vector(depth - 1), S("k"), S("$1"), S("job"), S("(.)")),
        };
    }

    private Expr Selector()
    {
        var selector = _random.Next(0, 8) == 0 ? SelWith(null, M("__name__", MatchOp.Regex, "a|b"), M("job", MatchOp.Equal, "x")) : Sel(Pick(["a", "b"]));
        return _random.Next(0, 5) == 0 ? selector.Offset($"{_random.Next(1, 4)}m") : selector;
    }

    private Expr Range()
    {
        var selector = _random.Next(0, 8) == 0 ? SelWith(null, M("__name__", MatchOp.Regex, "a|b"), M("job", MatchOp.Equal, "x")) : Sel(Pick(["a", "b"]));
        return selector.R($"{_random.Next(1, 6)}m");
    }

    private Expr Aggregate(int depth)
    {
        var op = Pick(Aggregations);
        Expr? param = op switch
        {
            AggregateOp.TopK or AggregateOp.BottomK => N(_random.Next(1, 3)),
            AggregateOp.Quantile => N(_random.NextDouble()),
            _ => null,
        };
        return _random.Next(0, 2) == 0
            ? Agg(op, Vector(depth - 1), param, by: [Pick(["job", "i"])])
            : Agg(op, Vector(depth - 1), param, without: [Pick(["job", "i"])]);
    }

    private Expr Binary(int depth)
    {
        var op = Pick(Operators);
        if (op is BinaryOp.And or BinaryOp.Or or BinaryOp.Unless || _random.Next(0, 2) == 0)
        {
            var lhs = Agg(AggregateOp.Sum, Vector(depth - 1), by: ["job"]);
            var rhs = _random.Next(0, 2) == 0 ? Agg(AggregateOp.Max, Vector(depth - 1), by: ["job"]) : Vector(depth - 1);
            var matching = op is BinaryOp.And or BinaryOp.Or or BinaryOp.Unless ? On("job").ManyToMany() : On("job").GroupRight();
            return B(op, lhs, rhs, returnBool: op is BinaryOp.Gtr && _random.Next(0, 2) == 0, matching: matching);
        }

        return _random.Next(0, 2) == 0
            ? B(op, Vector(depth - 1), N(_random.Next(1, 5)), returnBool: op is BinaryOp.Eql or BinaryOp.Gtr or BinaryOp.Lte && _random.Next(0, 2) == 0)
            : B(op, N(_random.Next(1, 5)), Vector(depth - 1));
    }

    private T Pick<T>(IReadOnlyList<T> options) => options[_random.Next(options.Count)];
}
