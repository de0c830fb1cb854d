import ArgumentParser

/// The `enrichd` command: the daemon and its companion tools.
@main
struct Enrichd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrichd",
        abstract: "News article enrichment daemon: ZeroMQ in, structured enriched JSON out.",
        subcommands: [
            RunCommand.self, EnrichCommand.self, CheckConfigCommand.self, SendCommand.self, TailCommand.self,
            BenchCommand.self, BenchEntitiesCommand.self, BenchParseCommand.self, TrainEntitiesCommand.self, SummaryFeaturesCommand.self,
            BenchEnrichersCommand.self, SentimentTargetsCommand.self, KeygenCommand.self, ProxyCommand.self,
            BrokerCommand.self,
        ]
    )
}
