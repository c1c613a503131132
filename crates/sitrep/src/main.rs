//! `sitrep`: the command line. Data goes to stdout, messages to stderr.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
