/**
 * Common first names in German- and English-speaking countries, for the rule-based PERSON
 * detector. A compact list written for Markwerk, not a census: it favours names frequent
 * among adults writing to a shop. Names that are also everyday words (Mark, Will, May,
 * Grace, Rose, Art, Bill, Frank as an adjective) are kept, since the detector only uses a
 * first name together with a capitalised surname or a greeting.
 * @module
 */

const german = `
Aaron Adrian Agnes Alexander Alexandra Alfred Alina Andrea Andreas Angelika Anja Anke Anna
Anne Annette Anton Antonia Arne Axel Barbara Beate Ben Benedikt Benjamin Bernd Bettina Birgit
Björn Brigitte Carina Carla Carolin Caroline Carsten Charlotte Christa Christian Christiane
Christina Christine Christoph Claudia Clara Daniel Daniela David Dennis Dieter Dirk Doris
Dominik Dorothea Edith Elena Elias Elisabeth Elke Ella Emil Emilia Emma Erik Erika Ernst
Eva Fabian Felix Finn Florian Frank Franz Franziska Frieda Friedrich Gabriele Georg Gerd
Gerhard Gisela Greta Gudrun Günter Günther Hanna Hannah Hannes Hans Harald Heike Heinz Helga
Helmut Henrik Herbert Hermann Holger Horst Ilse Ina Ines Ingo Ingrid Inge Irene Isabel Jakob
Jan Jana Janina Jannik Jens Jessica Joachim Johanna Johannes Jonas Jonathan Jörg Josef Julia
Julian Jürgen Jutta Kai Karin Karl Karsten Katharina Kathrin Katrin Katja Kerstin Kevin Klaus
Konrad Kristina Lara Lars Laura Lea Lena Leni Leon Leonie Lina Linus Lisa Lorenz Luca Luis
Luisa Lukas Maik Maja Manfred Manuel Manuela Mara Marc Marco Maria Marie Marina Mario Marion
Markus Marlene Martin Martina Marvin Mathias Matthias Max Maximilian Melanie Mia Michael
Michaela Mila Milan Mirko Monika Moritz Nadine Nele Nicole Niklas Nico Nils Nina Noah Norbert
Ole Oliver Otto Pascal Patrick Paul Paula Peter Petra Philipp Pia Rainer Ralf Ralph Regina
Reinhard Renate Robert Robin Roland Rolf Rosa Rudolf Sabine Sabrina Sandra Sara Sarah Sascha
Sebastian Silke Simon Simone Sofia Sophie Stefan Stefanie Steffen Stephan Susanne Svenja
Sven Swen Tanja Theo Thomas Thorsten Tim Timo Tobias Tom Torsten Udo Ulla Ulrich Ulrike Ursula
Ute Uwe Valentin Vanessa Vera Verena Viktoria Volker Walter Werner Wiebke Wilhelm Wolfgang
Yvonne Zoe Hendrik Jasper Mats Merle Ida Fiete Till Lotte Frederik Annika Carlotta Greta
Emre Mehmet Ayşe Fatma Elif Can Murat Zeynep Ahmet Yusuf Ali Dragan Ivana Piotr Katarzyna
`;

const english = `
Aaron Abigail Adam Aiden Alan Albert Alice Alison Amanda Amber Amelia Amy Andrew Angela Ann
Anthony Arthur Ashley Austin Barbara Benjamin Beth Betty Brandon Brenda Brian Brittany Bruce
Caleb Carl Carol Caroline Catherine Charles Charlie Charlotte Chloe Chris Christopher Claire
Cody Connor Craig Cynthia Daniel Danielle David Deborah Dennis Diana Diane Donald Donna Dorothy
Douglas Dylan Edward Eleanor Elizabeth Ella Emily Emma Eric Ethan Evelyn Frances Gary George
Georgia Grace Gregory Hannah Harold Harry Heather Helen Henry Holly Isaac Isabella Jack Jacob
James Jamie Jane Janet Jason Jeffrey Jennifer Jeremy Jessica Joan John Jordan Joseph Joshua
Joyce Judith Judy Julie Justin Karen Kate Katherine Kathleen Keith Kelly Kenneth Kevin Kimberly
Kyle Larry Laura Lauren Leo Liam Lily Linda Lisa Logan Lucy Madison Margaret Maria Marie Mark
Mary Matthew Megan Melissa Michael Michelle Mike Natalie Nathan Nicholas Nicole Noah Olivia
Oscar Owen Pamela Patricia Patrick Paul Peter Philip Rachel Ralph Rebecca Richard Robert Roger
Ronald Rose Russell Ruth Ryan Samantha Samuel Sandra Sarah Scott Sean Sharon Sophia Stephanie
Stephen Steven Susan Teresa Thomas Timothy Tyler Victoria Vincent Walter Wayne William Zachary
Priya Raj Arjun Ananya Wei Mei Hiroshi Yuki Carlos Sofia Diego Lucia Mateo Ahmed Fatima Omar
Aisha Olga Ivan Liam Noah Harper Avery Mason Elijah Logan Lucas Mia Ava Zoe Chloe Nora Hazel
Jake Josh Ben Tom Tim Dan Dave Steve Sam Alex Jess Kim Meg Molly Nick Rob Andy Tony Joe Luke
Finn Freya Isla Poppy Rory Callum Declan Siobhan Niamh Aoife Ciaran Eilidh Fiona Hamish Ewan
`;

/** First names, as written (capitalised), German and English lists merged. */
export const firstNames: ReadonlySet<string> = new Set(
  `${german} ${english}`.split(/\s+/).filter((name) => name.length > 0),
);
