using System.Globalization;
using System.Text;

namespace AirisEpm.GoTemplates;

/// <summary>
/// Runs a parsed template as text/template's <c>exec.go</c> does with <c>missingkey=zero</c>: variables scoped to
/// their control structure, <c>range</c> over slices, maps (in key order) and integers, <c>with</c>/<c>if</c> on Go
/// truth, lazy <c>and</c>/<c>or</c>, nested template calls. Output, steps and template nesting are bounded, so a
/// hostile template ends in an error, never a hang.
/// </summary>
internal sealed class GoExecutor
{
    private const int MaxOutput = 1 << 20;
    private const int MaxSteps = 1_000_000;
    private const int MaxDepth = 100;

    private readonly string _name;
    private readonly IReadOnlyDictionary<string, GoListNode> _templates;
    private readonly IReadOnlyDictionary<string, GoFunction> _functions;
    private readonly StringBuilder _out = new();
    private List<(string Name, object? Value)> _vars = [];
    private int _steps;
    private int _depth;
    private int _line;

    public GoExecutor(string name, IReadOnlyDictionary<string, GoListNode> templates, IReadOnlyDictionary<string, GoFunction> functions)
    {
        _name = name;
        _templates = templates;
        _functions = functions;
    }

    public string Run(object? data)
    {
        _vars = [("$", data)];
        Walk(data, _templates[_name]);
        return _out.ToString();
    }

    private void Walk(object? dot, GoNode node)
    {
        if (++_steps > MaxSteps) throw Error($"template ran more than {MaxSteps:N0} steps");
        _line = node.Line;
        switch (node)
        {
            case GoListNode list:
                foreach (var child in list.Nodes) Walk(dot, child);
                break;
            case GoTextNode text:
                Write(text.Text);
                break;
            case GoActionNode action:
                var value = Pipeline(dot, action.Pipe);
                if (action.Pipe.Declarations.Count == 0) Write(value is null ? "<no value>" : GoValues.Print(value));
                break;
            case GoIfNode n:
                Conditional(dot, n.Pipe, n.List, n.Else, with: false);
                break;
            case GoWithNode n:
                Conditional(dot, n.Pipe, n.List, n.Else, with: true);
                break;
            case GoRangeNode n:
                Range(dot, n);
                break;
            case GoTemplateNode call:
                Template(dot, call);
                break;
            case GoBreakNode:
                throw new BreakSignal();
            case GoContinueNode:
                throw new ContinueSignal();
        }
    }

    private void Conditional(object? dot, GoPipeNode pipe, GoListNode list, GoListNode? otherwise, bool with)
    {
        var mark = _vars.Count;
        var value = Pipeline(dot, pipe);
        if (GoValues.IsTrue(value)) Walk(with ? value : dot, list);
        else if (otherwise is not null) Walk(dot, otherwise);
        _vars.RemoveRange(mark, _vars.Count - mark);
    }

    private void Range(object? dot, GoRangeNode node)
    {
        var mark = _vars.Count;
        var value = Pipeline(dot, node.Pipe);
        var items = value switch
        {
            null => [],
            IReadOnlyList<object?> list => list.Select((item, i) => ((object?)(long)i, item)).ToList(),
            GoMap map => map.SortedKeys.Select(k => ((object?)k, map.Entries[k])).ToList(),
            long n when n > MaxSteps => throw Error($"range can't iterate over {n} values"),
            long n => Enumerable.Range(0, (int)Math.Max(n, 0)).Select(i => ((object?)(long)i, (object?)(long)i)).ToList(),
            _ => throw Error($"range can't iterate over {GoValues.Print(value)}"),
        };
        var declared = node.Pipe.Declarations;
        foreach (var (index, item) in items)
        {
            // One variable takes the element; with two, the first takes the index (key) and the second the element.
            if (declared.Count == 1) SetVar(declared[0], value is long ? index : item, node.Pipe.IsAssign);
            if (declared.Count == 2)
            {
                SetVar(declared[0], index, node.Pipe.IsAssign);
                SetVar(declared[1], item, node.Pipe.IsAssign);
            }

            var inner = _vars.Count;
            try
            {
                Walk(item, node.List);
            }
            catch (BreakSignal)
            {
                break;
            }
            catch (ContinueSignal)
            {
            }
            finally
            {
                _vars.RemoveRange(inner, _vars.Count - inner);
            }
        }

        if (items.Count == 0 && node.Else is not null) Walk(dot, node.Else);
        _vars.RemoveRange(mark, _vars.Count - mark);
    }

    private void Template(object? dot, GoTemplateNode call)
    {
        if (!_templates.TryGetValue(call.Name, out var body)) throw Error($"no such template {GoQuote.Quote(call.Name)}");
        if (++_depth > MaxDepth) throw Error($"exceeded maximum template depth ({MaxDepth})");
        var newDot = call.Pipe is null ? null : Pipeline(dot, call.Pipe);
        var outer = _vars;
        _vars = [("$", newDot)];
        try
        {
            Walk(newDot, body);
        }
        finally
        {
            _vars = outer;
            _depth--;
        }
    }

    private object? Pipeline(object? dot, GoPipeNode pipe)
    {
        object? value = null;
        for (var i = 0; i < pipe.Commands.Count; i++)
        {
            value = Command(dot, pipe.Commands[i], i > 0, value);
        }

        foreach (var variable in pipe.Declarations)
        {
            if (pipe.IsAssign) SetVar(variable, value, assign: true);
            else _vars.Add((variable, value));
        }

        return value;
    }

    private object? Command(object? dot, GoCommandNode command, bool hasFinal, object? final)
    {
        var first = command.Args[0];
        _line = command.Line;
        switch (first)
        {
            case GoIdentifierNode fn:
                return Call(dot, fn.Name, command.Args.Skip(1).ToList(), hasFinal, final);
            case GoFieldNode field:
                NoArguments(command, hasFinal, string.Join('.', field.Fields));
                return Fields(dot, field.Fields, "");
            case GoVariableNode variable:
                NoArguments(command, hasFinal, variable.Name);
                return Fields(Variable(variable.Name), variable.Fields, variable.Name);
            case GoChainNode chain:
                NoArguments(command, hasFinal, string.Join('.', chain.Fields));
                return Fields(Argument(dot, chain.Node), chain.Fields, "");
            case GoPipeNode inner:
                NotAFunction(command, hasFinal, "(pipeline)");
                return Pipeline(dot, inner);
            case GoNilNode:
                throw Error("nil is not a command");
            default:
                NotAFunction(command, hasFinal, first is GoStringNode s ? GoQuote.Quote(s.Value) : "");
                return Argument(dot, first);
        }
    }

    private object? Call(object? dot, string name, List<GoNode> argNodes, bool hasFinal, object? final)
    {
        if (GoBuiltins.Lazy.Contains(name))
        {
            if (argNodes.Count + (hasFinal ? 1 : 0) == 0) throw Error($"wrong number of args for {name}: want at least 1 got 0");
            object? value = null;
            for (var i = 0; i < argNodes.Count + (hasFinal ? 1 : 0); i++)
            {
                value = i < argNodes.Count ? Argument(dot, argNodes[i]) : final;
                if (GoValues.IsTrue(value) == (name == "or")) return value;
            }

            return value;
        }

        var args = argNodes.Select(a => Argument(dot, a)).ToList();
        if (hasFinal) args.Add(final);
        try
        {
            return _functions[name](args);
        }
        catch (GoTemplateException ex)
        {
            throw Error($"error calling {name}: {ex.Message}");
        }
    }

    private object? Argument(object? dot, GoNode node) => node switch
    {
        GoDotNode => dot,
        GoNilNode => null,
        GoBoolNode b => b.Value,
        GoStringNode s => s.Value,
        GoNumberNode { IsComplex: true } n => throw Error($"complex constant {n.Text} is not supported"),
        GoNumberNode n => n.Int is { } i ? (object)i : n.Float,
        GoFieldNode f => Fields(dot, f.Fields, ""),
        GoVariableNode v => Fields(Variable(v.Name), v.Fields, v.Name),
        GoChainNode c => Fields(Argument(dot, c.Node), c.Fields, ""),
        GoPipeNode p => Pipeline(dot, p),
        GoIdentifierNode fn => Call(dot, fn.Name, [], false, null),
        _ => throw Error("can't handle argument"),
    };

    private object? Fields(object? receiver, IReadOnlyList<string> fields, string start)
    {
        foreach (var field in fields)
        {
            receiver = receiver switch
            {
                GoMap map => map.Entries.TryGetValue(field, out var v) ? v : map.Zero,
                GoStruct s when s.TryGet(field, out var v) => v,
                GoStruct s => throw Error($"can't evaluate field {field} in type {s.TypeName}"),
                null => throw Error($"nil pointer evaluating interface {{}}.{field}"),
                _ => throw Error($"can't evaluate field {field} in type {GoValues.TypeName(receiver)}"),
            };
        }

        _ = start;
        return receiver;
    }

    private object? Variable(string name)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Name == name) return _vars[i].Value;
        }

        throw Error($"undefined variable: {name}");
    }

    private void SetVar(string name, object? value, bool assign)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Name == name)
            {
                _vars[i] = (name, value);
                return;
            }
        }

        if (assign) throw Error($"undefined variable: {name}");
        _vars.Add((name, value));
    }

    private void NoArguments(GoCommandNode command, bool hasFinal, string name)
    {
        if (command.Args.Count > 1 || hasFinal) throw Error($"{name} is not a method but has arguments");
    }

    private void NotAFunction(GoCommandNode command, bool hasFinal, string name)
    {
        if (command.Args.Count > 1 || hasFinal) throw Error($"can't give argument to non-function {name}");
    }

    private void Write(string text)
    {
        if (_out.Length + text.Length > MaxOutput) throw Error($"template output exceeds {MaxOutput:N0} characters");
        _out.Append(text);
    }

    private GoTemplateException Error(string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"template: {_name}:{_line}: executing {GoQuote.Quote(_name)}: {reason}"));

    private sealed class BreakSignal : Exception;

    private sealed class ContinueSignal : Exception;
}
