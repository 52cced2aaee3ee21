// The works the course rests on, each written once: the papers that introduced or analysed
// an activation function or an initialisation, and the textbooks. A page ends with
// sourceList([...keys]) (citation.js); /further-reading lists them all by topic.
// `title` of a book is set in italics, of anything else in quotes; `url` is optional (a DOI,
// an arXiv abstract or the publisher's page), shown as a plain link.

/** @type {Record<string, {authors: string, year: number, title: string, venue: string, book?: boolean, url?: string}>} */
export const sources = {
  rumelhart1986: {
    authors: "David E. Rumelhart, Geoffrey E. Hinton & Ronald J. Williams",
    year: 1986,
    title: "Learning representations by back-propagating errors",
    venue: "Nature 323, 533–536",
    url: "https://doi.org/10.1038/323533a0"
  },
  cybenko1989: {
    authors: "George Cybenko",
    year: 1989,
    title: "Approximation by superpositions of a sigmoidal function",
    venue: "Mathematics of Control, Signals and Systems 2, 303–314",
    url: "https://doi.org/10.1007/BF02551274"
  },
  bridle1990: {
    authors: "John S. Bridle",
    year: 1990,
    title:
      "Probabilistic interpretation of feedforward classification network outputs, with relationships to statistical pattern recognition",
    venue: "In Neurocomputing: Algorithms, Architectures and Applications (F. Fogelman Soulié & J. Hérault, eds.), NATO ASI Series F68, Springer, 227–236",
    url: "https://doi.org/10.1007/978-3-642-76153-9_28"
  },
  hochreiter1991: {
    authors: "Sepp Hochreiter",
    year: 1991,
    title: "Untersuchungen zu dynamischen neuronalen Netzen",
    venue: "Diploma thesis, Technische Universität München"
  },
  hornik1991: {
    authors: "Kurt Hornik",
    year: 1991,
    title: "Approximation capabilities of multilayer feedforward networks",
    venue: "Neural Networks 4(2), 251–257",
    url: "https://doi.org/10.1016/0893-6080(91)90009-T"
  },
  leshno1993: {
    authors: "Moshe Leshno, Vladimir Ya. Lin, Allan Pinkus & Shimon Schocken",
    year: 1993,
    title: "Multilayer feedforward networks with a nonpolynomial activation function can approximate any function",
    venue: "Neural Networks 6(6), 861–867",
    url: "https://doi.org/10.1016/S0893-6080(05)80131-5"
  },
  bengio1994: {
    authors: "Yoshua Bengio, Patrice Simard & Paolo Frasconi",
    year: 1994,
    title: "Learning long-term dependencies with gradient descent is difficult",
    venue: "IEEE Transactions on Neural Networks 5(2), 157–166",
    url: "https://doi.org/10.1109/72.279181"
  },
  lecun1998: {
    authors: "Yann LeCun, Léon Bottou, Genevieve B. Orr & Klaus-Robert Müller",
    year: 1998,
    title: "Efficient BackProp",
    venue: "In Neural Networks: Tricks of the Trade, Lecture Notes in Computer Science 1524, Springer",
    url: "http://leon.bottou.org/papers/lecun-98x"
  },
  dugas2001: {
    authors: "Charles Dugas, Yoshua Bengio, François Bélisle, Claude Nadeau & René Garcia",
    year: 2001,
    title: "Incorporating second-order functional knowledge for better option pricing",
    venue: "Advances in Neural Information Processing Systems 13"
  },
  glorot2010: {
    authors: "Xavier Glorot & Yoshua Bengio",
    year: 2010,
    title: "Understanding the difficulty of training deep feedforward neural networks",
    venue: "Proceedings of AISTATS 2010, PMLR 9, 249–256",
    url: "https://proceedings.mlr.press/v9/glorot10a.html"
  },
  nair2010: {
    authors: "Vinod Nair & Geoffrey E. Hinton",
    year: 2010,
    title: "Rectified linear units improve restricted Boltzmann machines",
    venue: "Proceedings of ICML 2010, 807–814"
  },
  glorot2011: {
    authors: "Xavier Glorot, Antoine Bordes & Yoshua Bengio",
    year: 2011,
    title: "Deep sparse rectifier neural networks",
    venue: "Proceedings of AISTATS 2011, PMLR 15, 315–323",
    url: "https://proceedings.mlr.press/v15/glorot11a.html"
  },
  maas2013: {
    authors: "Andrew L. Maas, Awni Y. Hannun & Andrew Y. Ng",
    year: 2013,
    title: "Rectifier nonlinearities improve neural network acoustic models",
    venue: "ICML 2013 Workshop on Deep Learning for Audio, Speech and Language Processing"
  },
  he2015: {
    authors: "Kaiming He, Xiangyu Zhang, Shaoqing Ren & Jian Sun",
    year: 2015,
    title: "Delving deep into rectifiers: surpassing human-level performance on ImageNet classification",
    venue: "Proceedings of ICCV 2015, 1026–1034",
    url: "https://arxiv.org/abs/1502.01852"
  },
  ioffe2015: {
    authors: "Sergey Ioffe & Christian Szegedy",
    year: 2015,
    title: "Batch normalization: accelerating deep network training by reducing internal covariate shift",
    venue: "Proceedings of ICML 2015, PMLR 37, 448–456",
    url: "https://arxiv.org/abs/1502.03167"
  },
  clevert2015: {
    authors: "Djork-Arné Clevert, Thomas Unterthiner & Sepp Hochreiter",
    year: 2015,
    title: "Fast and accurate deep network learning by exponential linear units (ELUs)",
    venue: "arXiv:1511.07289; ICLR 2016",
    url: "https://arxiv.org/abs/1511.07289"
  },
  bishop2006: {
    authors: "Christopher M. Bishop",
    year: 2006,
    title: "Pattern Recognition and Machine Learning",
    venue: "Springer",
    book: true
  },
  nielsen2015: {
    authors: "Michael A. Nielsen",
    year: 2015,
    title: "Neural Networks and Deep Learning",
    venue: "Determination Press, free online",
    book: true,
    url: "http://neuralnetworksanddeeplearning.com/"
  },
  goodfellow2016: {
    authors: "Ian Goodfellow, Yoshua Bengio & Aaron Courville",
    year: 2016,
    title: "Deep Learning",
    venue: "MIT Press, free online",
    book: true,
    url: "https://www.deeplearningbook.org/"
  },
  he2016: {
    authors: "Kaiming He, Xiangyu Zhang, Shaoqing Ren & Jian Sun",
    year: 2016,
    title: "Deep residual learning for image recognition",
    venue: "Proceedings of CVPR 2016, 770–778",
    url: "https://arxiv.org/abs/1512.03385"
  },
  hendrycks2016: {
    authors: "Dan Hendrycks & Kevin Gimpel",
    year: 2016,
    title: "Gaussian error linear units (GELUs)",
    venue: "arXiv:1606.08415",
    url: "https://arxiv.org/abs/1606.08415"
  },
  dauphin2017: {
    authors: "Yann N. Dauphin, Angela Fan, Michael Auli & David Grangier",
    year: 2017,
    title: "Language modeling with gated convolutional networks",
    venue: "Proceedings of ICML 2017, PMLR 70, 933–941",
    url: "https://arxiv.org/abs/1612.08083"
  },
  klambauer2017: {
    authors: "Günter Klambauer, Thomas Unterthiner, Andreas Mayr & Sepp Hochreiter",
    year: 2017,
    title: "Self-normalizing neural networks",
    venue: "Advances in Neural Information Processing Systems 30 (NIPS 2017)",
    url: "https://arxiv.org/abs/1706.02515"
  },
  ramachandran2017: {
    authors: "Prajit Ramachandran, Barret Zoph & Quoc V. Le",
    year: 2017,
    title: "Searching for activation functions",
    venue: "arXiv:1710.05941",
    url: "https://arxiv.org/abs/1710.05941"
  },
  elfwing2018: {
    authors: "Stefan Elfwing, Eiji Uchibe & Kenji Doya",
    year: 2018,
    title: "Sigmoid-weighted linear units for neural network function approximation in reinforcement learning",
    venue: "Neural Networks 107, 3–11",
    url: "https://arxiv.org/abs/1702.03118"
  },
  misra2019: {
    authors: "Diganta Misra",
    year: 2019,
    title: "Mish: a self regularized non-monotonic activation function",
    venue: "arXiv:1908.08681; BMVC 2020",
    url: "https://arxiv.org/abs/1908.08681"
  },
  bochkovskiy2020: {
    authors: "Alexey Bochkovskiy, Chien-Yao Wang & Hong-Yuan Mark Liao",
    year: 2020,
    title: "YOLOv4: optimal speed and accuracy of object detection",
    venue: "arXiv:2004.10934",
    url: "https://arxiv.org/abs/2004.10934"
  },
  shazeer2020: {
    authors: "Noam Shazeer",
    year: 2020,
    title: "GLU variants improve Transformer",
    venue: "arXiv:2002.05202",
    url: "https://arxiv.org/abs/2002.05202"
  }
};
