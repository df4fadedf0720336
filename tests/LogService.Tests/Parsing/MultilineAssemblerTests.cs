using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;

namespace AirisEpm.LogService.Tests.Parsing;

public sealed class MultilineAssemblerTests
{
    private static IReadOnlyList<LogDraft> Records(string text) =>
        MultilineAssembler.ParseText(ParsingTestData.Parser, text, ParsingTestData.ReceivedNs);

    [Fact]
    public void Java_stack_with_caused_by_and_more()
    {
        const string stack = """
            java.lang.IllegalStateException: boom
            	at com.x.Y.run(Y.java:10)
            	at java.base/java.lang.Thread.run(Thread.java:833)
            Caused by: java.io.IOException: disk
            	at com.x.Z.write(Z.java:5)
            	... 1 more
            """;
        var records = Records("2024-01-02 03:04:05,678 [main] ERROR com.x.Y - failed\n" + stack + "\n2024-01-02 03:04:06,000 [main] INFO com.x.Y - next\n");
        Assert.Equal(2, records.Count);
        Assert.Equal("failed", records[0].Message);
        Assert.Equal(Severity.Error, records[0].Level);
        Assert.Equal(stack.ReplaceLineEndings("\n"), records[0].StackTrace);
        Assert.Equal("next", records[1].Message);
        Assert.Null(records[1].StackTrace);
    }

    [Fact]
    public void Dotnet_exception_after_a_serilog_line()
    {
        const string stack = """
            System.InvalidOperationException: outer
             ---> System.ArgumentException: inner
               at App.Parse(String s) in /src/App.cs:line 12
               --- End of inner exception stack trace ---
               at App.Run() in /src/App.cs:line 5
            """;
        var records = Records("[12:00:00 ERR] Unhandled\r\n" + stack.ReplaceLineEndings("\r\n") + "\r\n[12:00:01 INF] recovered\r\n");
        Assert.Equal(["Unhandled", "recovered"], records.Select(r => r.Message));
        Assert.Equal(stack.ReplaceLineEndings("\n"), records[0].StackTrace);
    }

    [Fact]
    public void Python_traceback_ends_at_the_exception_line()
    {
        const string stack = """
            Traceback (most recent call last):
              File "/app/main.py", line 3, in <module>
                main()
            ValueError: bad input
            """;
        var records = Records("2024-01-02 03:04:05,678 - app - ERROR - failed\n" + stack + "\nplain line after\n");
        Assert.Equal(["failed", "plain line after"], records.Select(r => r.Message));
        Assert.Equal(stack.ReplaceLineEndings("\n"), records[0].StackTrace);
    }

    [Fact]
    public void Python_chained_tracebacks_stay_together()
    {
        const string stack = """
            Traceback (most recent call last):
              File "a.py", line 1, in <module>
            KeyError: 'x'

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "a.py", line 3, in <module>
            RuntimeError: wrapped
            """;
        var records = Records("ERROR:root:failed\n" + stack);
        Assert.Single(records);
        Assert.Equal(stack.ReplaceLineEndings("\n"), records[0].StackTrace);
    }

    [Fact]
    public void Python_traceback_cut_short_by_a_new_record()
    {
        var records = Records("Traceback (most recent call last):\n  File \"a.py\", line 1\n2024-01-02 03:04:05,678 - app - INFO - next\n");
        Assert.Equal(["Traceback (most recent call last):", "next"], records.Select(r => r.Message));
        Assert.Equal("  File \"a.py\", line 1", records[0].StackTrace);
    }

    [Fact]
    public void Go_panic_with_its_goroutine_dump()
    {
        const string stack = """

            goroutine 1 [running]:
            main.main()
            	/tmp/prog.go:8 +0x1d
            created by main.start
            	/tmp/prog.go:3 +0x10
            exit status 2
            """;
        var records = Records("panic: runtime error: index out of range [5] with length 3\n" + stack + "\nI0102 03:04:05.000000 1 main.go:1] restarted\n");
        Assert.Equal(2, records.Count);
        Assert.Equal(Severity.Fatal, records[0].Level);
        Assert.Equal(stack.ReplaceLineEndings("\n"), records[0].StackTrace);
        Assert.Equal("restarted", records[1].Message);
    }

    [Fact]
    public void Mel_console_two_line_records()
    {
        const string text = """
            info: Microsoft.Hosting.Lifetime[14]
                  Now listening on: http://localhost:5000
            fail: Microsoft.AspNetCore.Server.Kestrel[13]
                  Connection id "0HM", Request id "0HM:1": An unhandled exception was thrown by the application.
                  System.InvalidOperationException: boom
                     at App.Handler() in /src/App.cs:line 9
            """;
        var records = Records(text);
        Assert.Equal(["Now listening on: http://localhost:5000", "Connection id \"0HM\", Request id \"0HM:1\": An unhandled exception was thrown by the application."],
            records.Select(r => r.Message));
        Assert.Null(records[0].StackTrace);
        Assert.Equal("System.InvalidOperationException: boom\n   at App.Handler() in /src/App.cs:line 9", records[1].StackTrace);
        Assert.Equal(Severity.Error, records[1].Level);
        Assert.Equal("Microsoft.AspNetCore.Server.Kestrel", records[1].Logger);
    }

    [Fact]
    public void Indented_lines_after_a_plain_unlevelled_line_are_records_of_their_own()
    {
        var records = Records("hello\n  world\n");
        Assert.Equal(["hello", "  world"], records.Select(r => r.Message));
    }

    [Fact]
    public void Json_lines_take_no_continuations_and_blank_lines_vanish()
    {
        var records = Records("{\"msg\":\"a\"}\n   indented\n\n\n{\"msg\":\"b\"}\n\n");
        Assert.Equal(["a", "   indented", "b"], records.Select(r => r.Message));
    }

    [Fact]
    public void Incremental_push_completes_a_record_when_the_next_starts_and_flush_ends_the_last()
    {
        var assembler = new MultilineAssembler(ParsingTestData.Parser);
        Assert.Null(assembler.Push("<11>1 2024-01-02T03:04:05Z h app - - - failed", ParsingTestData.ReceivedNs));
        Assert.Null(assembler.Push("    at frame 1", ParsingTestData.ReceivedNs));
        var first = assembler.Push("<14>1 2024-01-02T03:04:06Z h app - - - ok", ParsingTestData.ReceivedNs);
        Assert.Equal("failed", first?.Message);
        Assert.Equal("    at frame 1", first?.StackTrace);
        Assert.Equal("ok", assembler.Flush()?.Message);
        Assert.Null(assembler.Flush());
    }

    [Fact]
    public void A_stack_past_the_line_limit_continues_in_a_new_record()
    {
        var parser = new RawLineParser(new ParserLimits { MaxStackLines = 2 });
        var lines = new[] { "ERROR x", "\tat a", "\tat b", "\tat c", "\tat d", "\tat e" };
        var records = new MultilineAssembler(parser).Assemble(lines, ParsingTestData.ReceivedNs).ToList();
        Assert.Equal(["ERROR x", "\tat c"], records.Select(r => r.Message));
        Assert.Equal(["\tat a\n\tat b", "\tat d\n\tat e"], records.Select(r => r.StackTrace));
    }
}
