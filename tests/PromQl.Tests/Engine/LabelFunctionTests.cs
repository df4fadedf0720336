using AirisEpm.PromQl.Engine;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class LabelFunctionTests
{
    private readonly InMemorySeriesSource _source = TestData.Load(
        "1m",
        ("up{job=\"api\", instance=\"host-1:9090\"}", "1"),
        ("up{job=\"db\", instance=\"host-2:5432\"}", "0"));

    [Fact]
    public async Task Label_replace_expands_groups_and_keeps_the_name() =>
        await Vector(
            _source, F("label_replace", Sel("up"), S("host"), S("$1"), S("instance"), S("(.*):.*")), "0s",
            ("up{job=\"api\", instance=\"host-1:9090\", host=\"host-1\"}", 1),
            ("up{job=\"db\", instance=\"host-2:5432\", host=\"host-2\"}", 0));

    [Fact]
    public async Task Label_replace_leaves_series_that_do_not_match_alone() =>
        await Vector(
            _source, F("label_replace", Sel("up", ("job", "api")), S("host"), S("$1"), S("instance"), S("db-(.*)")), "0s",
            ("up{job=\"api\", instance=\"host-1:9090\"}", 1));

    [Fact]
    public async Task Label_replace_follows_gos_template_rules()
    {
        var selector = Sel("up", ("job", "api"));
        await Vector(_source, F("label_replace", selector, S("x"), S("${1}-$2"), S("instance"), S("(.*):(.*)")), "0s",
            ("up{job=\"api\", instance=\"host-1:9090\", x=\"host-1-9090\"}", 1));

        // $1x names a group "1x", which does not exist: it expands to nothing.
        await Vector(_source, F("label_replace", selector, S("x"), S("$1x"), S("instance"), S("(.*):(.*)")), "0s",
            ("up{job=\"api\", instance=\"host-1:9090\"}", 1));
        await Vector(_source, F("label_replace", selector, S("x"), S("$$1 ${port}"), S("instance"), S("(?P<host>.*):(?P<port>.*)")), "0s",
            ("up{job=\"api\", instance=\"host-1:9090\", x=\"$1 9090\"}", 1));

        // Go numbers named groups in order too: $1 is the first group whatever its kind.
        await Vector(_source, F("label_replace", selector, S("x"), S("$1/$2"), S("instance"), S("(?P<host>.*):(.*)")), "0s",
            ("up{job=\"api\", instance=\"host-1:9090\", x=\"host-1/9090\"}", 1));
    }

    [Fact]
    public async Task Label_replace_anchors_the_regex_and_lets_dot_match_newlines()
    {
        var source = new InMemorySeriesSource();
        source.Add(TestData.Labels("m{a=\"x\"}").With("b", "one\ntwo"), 0, 1);
        await Vector(source, F("label_replace", Sel("m"), S("c"), S("y"), S("b"), S("one.two")), "0s",
            ("m{a=\"x\", c=\"y\"}".Replace("}", ", b=\"one\\ntwo\"}", StringComparison.Ordinal), 1));
        await Vector(source, F("label_replace", Sel("m"), S("c"), S("y"), S("a"), S("x$")), "0s",
            ("m{a=\"x\", c=\"y\"}".Replace("}", ", b=\"one\\ntwo\"}", StringComparison.Ordinal), 1));
        await Vector(source, F("label_replace", Sel("m"), S("c"), S("y"), S("b"), S("one")), "0s",
            ("m{a=\"x\"}".Replace("}", ", b=\"one\\ntwo\"}", StringComparison.Ordinal), 1));
    }

    [Fact]
    public async Task An_empty_replacement_removes_the_label() =>
        await Vector(_source, F("label_replace", Sel("up", ("job", "api")), S("job"), S(""), S("job"), S(".*")), "0s",
            ("up{instance=\"host-1:9090\"}", 1));

    [Fact]
    public async Task A_bad_regex_or_destination_is_an_execution_error()
    {
        await Fails(() => Instant(_source, F("label_replace", Sel("up"), S("x"), S("$1"), S("job"), S("(")), "0s"),
            PromQlErrorType.Execution, "invalid regular expression in label_replace(): (");
        await Fails(() => Instant(_source, F("label_replace", Sel("up"), S(""), S("$1"), S("job"), S("(.*)")), "0s"),
            PromQlErrorType.Execution, "invalid destination label name in label_replace(): ");
    }

    [Fact]
    public async Task Label_replace_into_an_existing_labelset_collides()
    {
        var sameInstance = F("label_replace", Sel("up"), S("instance"), S("same"), S("job"), S(".*"));
        var sameJob = F("label_replace", sameInstance, S("job"), S("same"), S("job"), S(".*"));
        await Fails(() => Instant(_source, sameJob, "0s"), PromQlErrorType.Execution, "vector cannot contain metrics with the same labelset");
    }

    [Fact]
    public async Task Label_join_joins_source_values_with_the_separator() =>
        await Vector(
            _source, F("label_join", Sel("up", ("job", "api")), S("id"), S("/"), S("job"), S("missing"), S("instance")), "0s",
            ("up{job=\"api\", instance=\"host-1:9090\", id=\"api//host-1:9090\"}", 1));

    [Fact]
    public async Task Label_join_can_rename_the_metric() =>
        await Vector(_source, F("label_join", Sel("up", ("job", "db")), S("__name__"), S("_"), S("job")), "0s",
            ("db{job=\"db\", instance=\"host-2:5432\"}", 0));
}
