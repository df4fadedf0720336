using Lucene.Net.Index;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// Which document layout (<see cref="LogDocuments"/>) a partition's index was written in, kept in its commits' user
/// data. Layout 1 (indexes without the mark, written up to commit 37cbc2c): <c>id</c> and <c>message.keyword</c> as
/// terms, <c>timestamp</c> as numeric doc values, <c>id</c> as sorted doc values. Layout 2: the (timestamp, id) key,
/// message hashes, <c>id</c> terms only for ids that do not tell their time. <see cref="PartitionMigration"/> brings
/// older partitions to <see cref="Current"/> at start.
/// </summary>
internal static class PartitionLayout
{
    public const string Key = "airis.log-layout";
    public const string Current = "2";
    public const string Unmarked = "1";

    /// <summary>The layout of the index in <paramref name="directory"/>, or null when there is no index yet (nothing committed).</summary>
    public static string? Of(LuceneDirectory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return null;
        }

        var infos = new SegmentInfos();
        infos.Read(directory);
        return infos.UserData.TryGetValue(Key, out var layout) ? layout : Unmarked;
    }

    public static bool IsCurrent(LuceneDirectory directory) => Of(directory) is null or Current;

    /// <summary>Has every later commit of <paramref name="writer"/> carry the current layout.</summary>
    public static void Mark(IndexWriter writer)
    {
        if (!writer.CommitData.TryGetValue(Key, out var layout) || layout != Current)
        {
            writer.SetCommitData(new Dictionary<string, string> { [Key] = Current });
        }
    }
}
