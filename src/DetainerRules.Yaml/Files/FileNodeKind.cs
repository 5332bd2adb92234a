namespace DetainerRules.Yaml.Files;

/// <summary>The kinds of thing a path can name.</summary>
public enum FileNodeKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
