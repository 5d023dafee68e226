#include "app/cli.hpp"

int main(int argc, char** argv) { return steward::app::run_cli(argc, argv); }
