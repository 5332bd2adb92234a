using System.CommandLine;
using DetainerRules.Cli;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// A run builds only the command its first word names (<see cref="DetainerCli.CreateRootCommand(CliContext, string[])"/>):
/// what it says must be what the whole tree says, for help and for every kind of mistake.
/// </summary>
[TestFixture]
public class CommandTreeTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("detainer-tree-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void EveryCommand_IsNamedAsTheTableSays_AndTheWholeTreeHoldsThemAll()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, _dir);
        foreach (var (name, create) in DetainerCli.Commands)
        {
            Assert.That(create(context).Name, Is.EqualTo(name));
        }

        Assert.That(DetainerCli.CreateRootCommand(context).Subcommands.Select(c => c.Name), Is.EqualTo(DetainerCli.Commands.Select(c => c.Name)).AsCollection);
        Assert.That(DetainerCli.Commands.Select(c => c.Name), Is.Unique);
    }

    [Test]
    public void FirstWordACommand_BuildsThatCommandAlone()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, _dir);
        Assert.That(DetainerCli.CreateRootCommand(context, ["list", "--state", "NV"]).Subcommands.Select(c => c.Name), Is.EqualTo(new[] { "list" }));
        Assert.That(DetainerCli.CreateRootCommand(context, ["--help"]).Subcommands, Has.Count.EqualTo(DetainerCli.Commands.Count));
        Assert.That(DetainerCli.CreateRootCommand(context, ["evaluat"]).Subcommands, Has.Count.EqualTo(DetainerCli.Commands.Count));
        Assert.That(DetainerCli.CreateRootCommand(context, []).Subcommands, Has.Count.EqualTo(DetainerCli.Commands.Count));
    }

    [Test]
    public void HelpOfEachCommand_IsTheWholeTreesHelp()
    {
        foreach (var (name, _) in DetainerCli.Commands)
        {
            var (exit, output, error) = Run(name, "--help");
            Assert.That((exit, output, error), Is.EqualTo(WholeTree(name, "--help")), name);
            Assert.That(output, Does.Contain("Usage:").And.Contain($" {name} "), name);
        }

        Assert.That(Run("agencies", "list", "--help"), Is.EqualTo(WholeTree("agencies", "list", "--help")));
    }

    [TestCase("evaluate")]
    [TestCase("evaluate", "--no-such-option", "a.yaml")]
    [TestCase("evaluate", "-p", "x", "--format", "yaml", "a.yaml")]
    [TestCase("list", "extra")]
    [TestCase("compare", "only-one")]
    [TestCase("schema", "nothing")]
    [TestCase("compare", "a", "b", "--decision", "no_such_decision")]
    [TestCase("agencies", "no-such-subcommand")]
    public void Mistakes_AreReportedAsTheWholeTreeReportsThem(params string[] args)
    {
        var run = Run(args);
        Assert.That(run, Is.EqualTo(WholeTree(args)));
        Assert.That(run.Exit, Is.EqualTo(ExitCodes.Usage));
    }

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DetainerCli.Run(args, output, error, _dir);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>What <see cref="DetainerCli.Run"/> said before it built one command: the whole tree parsed, its errors or its help written the same way.</summary>
    private (int Exit, string Out, string Err) WholeTree(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, _dir);
        var parse = DetainerCli.CreateRootCommand(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                context.Error.WriteLine($"detainer: {problem.Message}");
            }

            context.Error.WriteLine("Run `detainer --help` for usage.");
            return (ExitCodes.Usage, output.ToString(), error.ToString());
        }

        var exit = parse.Invoke(new InvocationConfiguration { Output = context.Document, Error = context.Error, EnableDefaultExceptionHandler = false });
        output.Flush();
        return (exit, output.ToString(), error.ToString());
    }
}
