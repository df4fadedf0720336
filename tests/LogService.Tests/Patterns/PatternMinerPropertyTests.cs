using AirisEpm.LogService.Patterns;
using AirisEpm.TestSupport.LogHub;
using CsCheck;

namespace AirisEpm.LogService.Tests.Patterns;

/// <summary>
/// Random and mutated lines, mined concurrently by one small miner: nothing throws, every line gets a
/// well-formed id that resolves, and what the miner holds stays within its bounds.
/// </summary>
public sealed class PatternMinerPropertyTests
{
    private static readonly PatternMinerOptions Small = new() { MaxClusters = 64, MaxTokens = 16, MaxLineLength = 200, MaxAliasesPerPattern = 4 };

    private static readonly string[] RealLines =
        LogHubSamples.Datasets.SelectMany(d => LogHubSamples.Load(d).Take(200)).Select(l => l.Content).ToArray();

    /// <summary>Characters logs are made of, weighted towards the ones the masker reacts to.</summary>
    private static readonly Gen<char> LogChar = Gen.OneOf(
        Gen.Char['a', 'z'], Gen.Char['0', '9'], Gen.Char['A', 'F'],
        Gen.OneOf(' ', ' ', '\t', '.', ':', ',', '=', '-', '_', '/', '(', ')', '[', ']', '<', '>', '*', '"', '\'', '@', '%', '+'),
        Gen.Char);

    private static readonly Gen<string> Random = Gen.OneOf(Gen.String, LogChar.Array[0, 300].Select(c => new string(c)));

    /// <summary>A real line with characters replaced, inserted or removed, or tokens shuffled.</summary>
    private static readonly Gen<string> Mutated =
        Gen.Select(Gen.Int[0, RealLines.Length - 1], Gen.Select(Gen.Int[0, 400], LogChar, Gen.Int[0, 3]).Array[0, 6])
            .Select((index, edits) =>
            {
                var text = RealLines[index];
                foreach (var (at, c, kind) in edits)
                {
                    var i = text.Length == 0 ? 0 : at % text.Length;
                    text = kind switch
                    {
                        0 when text.Length > 0 => text.Remove(i, 1).Insert(i, c.ToString()),
                        1 => text.Insert(i, c.ToString()),
                        2 when text.Length > 0 => text.Remove(i, 1),
                        _ => string.Join(' ', text.Split(' ').OrderBy(t => HashCode.Combine(t, at))),
                    };
                }

                return text;
            });

    [Fact]
    public void Any_line_gets_a_resolvable_id_and_the_miner_stays_bounded()
    {
        var miner = new PatternMiner(Small);
        Gen.OneOf(Random, Mutated).Sample(line =>
        {
            var match = miner.Mine(line);
            Assert.Matches("^[0-9a-f]{16}$", match.Id);
            Assert.NotNull(match.Template);
            Assert.Matches("^[0-9a-f]{16}$", miner.Resolve(match.Id));
        }, iter: 20_000);

        var (clusters, aliases, nodes) = miner.Footprint;
        Assert.InRange(clusters, 1, Small.MaxClusters);
        Assert.InRange(aliases, 0, clusters * Small.MaxAliasesPerPattern);
        Assert.InRange(nodes, 1, (clusters * (Small.PrefixDepth + 1)) + 1);
        Assert.All(miner.Patterns, p => Assert.True(p.Sample.Length <= Small.MaxSampleLength && p.Template.Split(' ').Length <= Small.MaxTokens));
    }

    [Fact]
    public void Masking_is_stable_a_masked_line_masks_to_itself()
    {
        Gen.OneOf(Mutated, Gen.OneOf(RealLines)).Sample(line =>
        {
            var once = LineTokenizerTests.Tokenize(line);
            Assert.Equal(once, LineTokenizerTests.Tokenize(once));
        }, iter: 5_000);
    }
}
