using System.Text.Json;
using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Parser;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary>
/// The tree <c>/api/v1/parse_query</c> answers, in the shape of Prometheus 3's translateAST (web/api/v1/translate_ast.go):
/// one object per node, keys sorted as Go writes a map.
/// </summary>
public sealed class AstJsonTests
{
    private const string X = """{"matchers":[{"name":"__name__","type":"=","value":"x"}],"name":"x","offset":0,"startOrEnd":null,"timestamp":null,"type":"vectorSelector"}""";

    public static TheoryData<string, string> Cases => new()
    {
        {
            "foo{a=\"b\",c=~\"d.*\"} offset 5m @ 100",
            """{"matchers":[{"name":"a","type":"=","value":"b"},{"name":"c","type":"=~","value":"d.*"},{"name":"__name__","type":"=","value":"foo"}],"name":"foo","offset":300000,"startOrEnd":null,"timestamp":100000,"type":"vectorSelector"}"""
        },
        {
            "{__name__=~\"x|y\"}",
            """{"matchers":[{"name":"__name__","type":"=~","value":"x|y"}],"name":"","offset":0,"startOrEnd":null,"timestamp":null,"type":"vectorSelector"}"""
        },
        {
            "rate(x[5m] @ start())",
            """{"args":[{"matchers":[{"name":"__name__","type":"=","value":"x"}],"name":"x","offset":0,"range":300000,"startOrEnd":"start","timestamp":null,"type":"matrixSelector"}],"func":{"argTypes":["matrix"],"name":"rate","returnType":"vector","variadic":0},"type":"call"}"""
        },
        {
            "max_over_time(x[10m:1m] offset -1m)",
            """{"args":[{"expr":""" + X + ""","offset":-60000,"range":600000,"startOrEnd":null,"step":60000,"timestamp":null,"type":"subquery"}],"func":{"argTypes":["matrix"],"name":"max_over_time","returnType":"vector","variadic":0},"type":"call"}"""
        },
        {
            "x[1h:] @ end()",
            """{"expr":""" + X + ""","offset":0,"range":3600000,"startOrEnd":"end","step":0,"timestamp":null,"type":"subquery"}"""
        },
        {
            "sum by (job, env) (x) / on (job) group_left (env) x",
            """{"bool":false,"lhs":{"expr":""" + X + ""","grouping":["job","env"],"op":"sum","param":null,"type":"aggregation","without":false},"matching":{"card":"many-to-one","include":["env"],"labels":["job"],"on":true},"op":"/","rhs":""" + X + ""","type":"binaryExpr"}"""
        },
        {
            "x > bool x",
            """{"bool":true,"lhs":""" + X + ""","matching":{"card":"one-to-one","include":[],"labels":[],"on":false},"op":">","rhs":""" + X + ""","type":"binaryExpr"}"""
        },
        {
            "x unless ignoring (a) x",
            """{"bool":false,"lhs":""" + X + ""","matching":{"card":"many-to-many","include":[],"labels":["a"],"on":false},"op":"unless","rhs":""" + X + ""","type":"binaryExpr"}"""
        },
        {
            "1 - -x",
            """{"bool":false,"lhs":{"type":"numberLiteral","val":"1"},"matching":null,"op":"-","rhs":{"expr":""" + X + ""","op":"-","type":"unaryExpr"},"type":"binaryExpr"}"""
        },
        {
            "topk without (a) (-3, (x))",
            """{"expr":{"expr":""" + X + ""","type":"parenExpr"},"grouping":["a"],"op":"topk","param":{"type":"numberLiteral","val":"-3"},"type":"aggregation","without":true}"""
        },
        {
            "count_values(\"v\\\"q\", x)",
            """{"expr":""" + X + ""","grouping":[],"op":"count_values","param":{"type":"stringLiteral","val":"v\"q"},"type":"aggregation","without":false}"""
        },
        {
            "label_join(x, \"d\", \",\", \"a\", \"b\")",
            """{"args":[""" + X + """,{"type":"stringLiteral","val":"d"},{"type":"stringLiteral","val":","},{"type":"stringLiteral","val":"a"},{"type":"stringLiteral","val":"b"}],"func":{"argTypes":["vector","string","string","string"],"name":"label_join","returnType":"vector","variadic":-1},"type":"call"}"""
        },
        { "time()", """{"args":[],"func":{"argTypes":[],"name":"time","returnType":"scalar","variadic":0},"type":"call"}""" },
        { "1e21", """{"type":"numberLiteral","val":"1000000000000000000000"}""" },
        { "-0.0000001", """{"type":"numberLiteral","val":"-0.0000001"}""" },
        { "5m", """{"type":"numberLiteral","val":"300"}""" },
        { "-Inf", """{"type":"numberLiteral","val":"-Inf"}""" },
        { "NaN", """{"type":"numberLiteral","val":"NaN"}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_tree_is_written_as_prometheus_writes_it(string query, string json) =>
        Assert.Equal(json, AstJson.ToJson(PromQlParser.ParseExpr(query)));

    [Fact]
    public void Every_generated_query_gives_a_json_tree_of_its_nodes()
    {
        QueryGenerator.Query.Sample(
            query =>
            {
                var expr = PromQlParser.ParseExpr(query);
                using var document = JsonDocument.Parse(AstJson.ToJson(expr));
                Assert.Equal(ExprTree.Depth(expr), Depth(document.RootElement));
            },
            iter: 2_000,
            threads: 1);
    }

    [Fact]
    public void The_deepest_tree_the_parser_accepts_can_be_written()
    {
        // 1,000 nodes deep: deeper in JSON than a writer's default limit of 1,000.
        var query = string.Join(" + ", Enumerable.Repeat("x", PromQlParser.MaxDepth));
        using var document = JsonDocument.Parse(AstJson.ToJson(PromQlParser.ParseExpr(query)), new JsonDocumentOptions { MaxDepth = AstJson.WriterMaxDepth });
        Assert.Equal("binaryExpr", document.RootElement.GetProperty("type").GetString());
    }

    /// <summary>
    /// Nodes on the longest path: objects with a <c>type</c>, reached through <c>expr</c>, <c>lhs</c>, <c>rhs</c>, <c>param</c>
    /// and <c>args</c>; a matrix selector is two nodes of the tree (its vector selector inside).
    /// </summary>
    private static int Depth(JsonElement node)
    {
        if (node.GetProperty("type").GetString() == "matrixSelector")
        {
            return 2;
        }

        var children = new List<JsonElement>();
        foreach (var name in new[] { "expr", "lhs", "rhs", "param" })
        {
            if (node.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object)
            {
                children.Add(child);
            }
        }

        if (node.TryGetProperty("args", out var args))
        {
            children.AddRange(args.EnumerateArray());
        }

        return 1 + (children.Count == 0 ? 0 : children.Max(Depth));
    }
}
