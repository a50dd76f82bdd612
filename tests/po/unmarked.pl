#!/usr/bin/perl
# Lists string literals with words in them that reach a user without going
# through gettext: any literal in the arguments of a message function
# (g_set_error, aj_warn, aj_loader_error, fprintf(stderr, ...) ...) that is
# not inside _(), N_(), C_() or ngettext().  Prints FILE:LINE: TEXT for each
# and exits 1 if there is one.  A literal without two letters in a row (a
# format like "%s:%u: %s"), naming only the program ("anjian %s") or a
# dotted or hyphenated key of a file ("assessment.indicators") is fine.
use strict;
use warnings;

my $funcs = qr/\b(?:g_set_error|g_set_error_literal|g_prefix_error|aj_warn|aj_loader_error|
	aj_loader_error_at|aj_loader_repeat|aj_file_write|aj_note|BAD|g_printerr|printf|puts|fputs|fprintf|usage|fail_usage|fail_at|aj_m_fail_at|fail)\s*\(/x;
my $marks = qr/\b(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|dngettext)\s*\(/;
my $bad = 0;

# The text of a balanced (...) starting at $pos (just after the '(').
sub args_at {
	my ($s, $pos) = @_;
	my $depth = 1;
	my $i = $pos;
	while ($i < length($s) && $depth > 0) {
		my $c = substr($s, $i, 1);
		if ($c eq '"' || $c eq "'") {
			my $q = $c;
			$i++;
			while ($i < length($s) && substr($s, $i, 1) ne $q) {
				$i++ if substr($s, $i, 1) eq '\\';
				$i++;
			}
		} elsif ($c eq '(') {
			$depth++;
		} elsif ($c eq ')') {
			$depth--;
		}
		$i++;
	}
	return substr($s, $pos, $i - $pos - 1);
}

for my $file (@ARGV) {
	open(my $fh, '<', $file) or die "$file: $!";
	local $/;
	my $src = <$fh>;
	close $fh;
	# comments out, newlines kept for line numbers
	$src =~ s{/\*.*?\*/}{my $c = $&; $c =~ s/[^\n]/ /g; $c}gse;
	$src =~ s{//[^\n]*}{}g;
	while ($src =~ /$funcs/g) {
		my $start = pos($src);
		my $name = substr($src, $-[0], $start - $-[0]);
		my $args = args_at($src, $start);
		next if $name =~ /^(fprintf|fputs)/ && $args !~ /\bstderr\b/;
		# drop the marked parts
		while ($args =~ /$marks/) {
			my $m0 = $-[0];
			my $inner = args_at($args, $+[0]);
			substr($args, $m0, $+[0] - $m0 + length($inner) + 1) = '';
		}
		# adjacent literals are one message
		$args =~ s/"\s*"//g;
		while ($args =~ /"((?:[^"\\]|\\.)*)"/g) {
			my $lit = $1;
			(my $words = $lit) =~ s/%[-#0-9.*lhzjt]*[a-zA-Z]|"\s*G_\w+\s*"|\\[nt]|\banjian\b|\\033\[K//g;
			next unless $words =~ /[A-Za-z]{2}/;
			# a dotted or hyphenated key the user writes as is (assessment.indicators)
			next if $lit =~ /^[a-z0-9]+(?:[.-][a-z0-9]+)+$/;
			my $line = 1 + (substr($src, 0, $start) =~ tr/\n//);
			print "$file:$line: not through gettext: \"$lit\"\n";
			$bad = 1;
		}
	}
}
exit $bad;
