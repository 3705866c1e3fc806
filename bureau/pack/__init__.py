"""The council pack: a PowerPoint deck with native charts and an Excel workbook."""
